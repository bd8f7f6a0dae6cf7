package dev.meshcheck.load;

import dev.meshcheck.load.transport.Reconnect;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a workload's receivers counted in the measured phase, beyond the recorders.
 *
 * @param lost messages a receiver should have got and did not (fan-out: per subscriber)
 * @param perMemberCounts queue members (or subscribers) by name, with messages each handled
 * @param placements which connection went to which node, such as {@code client-1 -> east-1}
 * @param clientSlowConsumerEvents times jnats dropped messages because a subscription fell behind
 * @param connectionErrors errors the client connections reported (server {@code -ERR}s, jnats's
 *     asynchronous exceptions), over the whole run
 * @param lastConnectionError the latest of those, with the connection's name
 * @param reconnects every time a connection lost its server and connected again, over the whole
 *     run, with how long it took
 */
public record DriverReport(
    long lost,
    long duplicates,
    long outOfOrder,
    Map<String, Long> perMemberCounts,
    List<String> placements,
    long clientSlowConsumerEvents,
    long connectionErrors,
    Optional<String> lastConnectionError,
    List<Reconnect> reconnects) {
  public DriverReport {
    perMemberCounts = Map.copyOf(perMemberCounts);
    placements = List.copyOf(placements);
    reconnects = List.copyOf(reconnects);
  }
}
