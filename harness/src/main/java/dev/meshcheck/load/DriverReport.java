package dev.meshcheck.load;

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
 */
public record DriverReport(
    long lost,
    long duplicates,
    long outOfOrder,
    Map<String, Long> perMemberCounts,
    List<String> placements,
    long clientSlowConsumerEvents,
    long connectionErrors,
    Optional<String> lastConnectionError) {
  public DriverReport {
    perMemberCounts = Map.copyOf(perMemberCounts);
    placements = List.copyOf(placements);
  }
}
