package dev.meshcheck.load;

import dev.meshcheck.load.transport.ConnectionEvents;
import dev.meshcheck.load.transport.Reconnect;
import dev.meshcheck.result.PlacementOutcome;
import dev.meshcheck.result.WorkloadLedger;
import java.util.List;
import java.util.Optional;

/**
 * What a workload's receivers and connections counted in the measured phase, beyond the recorders.
 *
 * @param lost messages a receiver should have got and did not (fan-out: per subscriber)
 * @param placement where each connection sat, what each receiver handled, and the links crossed
 * @param health what the client connections reported
 * @param receivers per receiver (or queue group), what arrived from each sender: a shard's ledger
 */
record DriverReport(
    long lost,
    long duplicates,
    long outOfOrder,
    PlacementOutcome placement,
    Health health,
    List<WorkloadLedger.ReceiverTally> receivers) {
  DriverReport {
    receivers = List.copyOf(receivers);
  }

  /**
   * @param clientSlowConsumerEvents times jnats dropped messages because a subscription fell behind
   * @param connectionErrors errors the client connections reported (server {@code -ERR}s, jnats's
   *     asynchronous exceptions), over the whole run
   * @param lastConnectionError the latest of those, with the connection's name
   * @param reconnects every time a connection lost its server and connected again, over the whole
   *     run, with how long it took
   */
  record Health(
      long clientSlowConsumerEvents,
      long connectionErrors,
      Optional<String> lastConnectionError,
      List<Reconnect> reconnects) {
    Health {
      reconnects = List.copyOf(reconnects);
    }

    static Health of(ConnectionEvents events) {
      return new Health(
          events.slowConsumerEvents(),
          events.errorCount(),
          events.latestError(),
          events.reconnects());
    }
  }
}
