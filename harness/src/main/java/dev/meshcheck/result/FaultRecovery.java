package dev.meshcheck.result;

import dev.meshcheck.measure.ErrorKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one fault of a timeline cost the workload, from the per-second intervals.
 *
 * @param fault as its {@link FaultEvent} names it
 * @param atSeconds when it was applied, from the start of the measured phase
 * @param windowEndSeconds the end of the window its costs are counted in: the next fault, or the
 *     end of the measured phase
 * @param recoverySeconds from the fault until throughput and p99 are back within 10% of their level
 *     before it; empty when they were not back before the window ended, or when no interval before
 *     the fault gave a level ({@link #unrecoveredReason})
 * @param baselineDeliveredPerSecond the level before: the median delivered/s of those intervals
 * @param baselineP99Micros the level before: the median of their p99s
 * @param failedByKind requests or publishes that failed in the window, by kind (a missing kind
 *     counts 0)
 * @param undelivered messages sent in the window that were not delivered in it: sent times the
 *     deliveries per message before the fault, minus delivered (0 when all arrived)
 * @param reconnections the reconnects the clients saw in the window, with how long each took
 * @param unrecoveredReason why {@code recoverySeconds} is empty
 */
public record FaultRecovery(
    String fault,
    double atSeconds,
    double windowEndSeconds,
    Optional<Double> recoverySeconds,
    double baselineDeliveredPerSecond,
    double baselineP99Micros,
    Map<ErrorKind, Long> failedByKind,
    long undelivered,
    List<Reconnection> reconnections,
    Optional<String> unrecoveredReason) {

  public FaultRecovery {
    Map<ErrorKind, Long> complete = new java.util.EnumMap<>(ErrorKind.class);
    for (ErrorKind kind : ErrorKind.values()) {
      complete.put(kind, failedByKind.getOrDefault(kind, 0L));
    }
    failedByKind = Map.copyOf(complete);
    reconnections = List.copyOf(reconnections);
  }

  public long failed() {
    return failedByKind.values().stream().mapToLong(Long::longValue).sum();
  }
}
