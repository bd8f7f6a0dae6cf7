package dev.meshcheck.measure;

import java.util.Map;

/**
 * What one interval (about a second) of the measured phase saw.
 *
 * @param startSeconds seconds from the start of the measured phase to the interval's start
 * @param lengthSeconds the interval's length
 * @param sentPerSecond messages or requests sent per second
 * @param deliveredPerSecond deliveries (replies, or messages received by all subscribers) per
 *     second
 * @param deliveredBytesPerSecond payload bytes delivered per second
 * @param latency the corrected latency of this interval alone (all zero when nothing completed)
 * @param errorsByKind requests or publishes that failed in this interval, by kind (a missing kind
 *     counts 0)
 */
public record IntervalPoint(
    double startSeconds,
    double lengthSeconds,
    double sentPerSecond,
    double deliveredPerSecond,
    double deliveredBytesPerSecond,
    Latency latency,
    Map<ErrorKind, Long> errorsByKind) {

  public IntervalPoint {
    Map<ErrorKind, Long> complete = new java.util.EnumMap<>(ErrorKind.class);
    for (ErrorKind kind : ErrorKind.values()) {
      complete.put(kind, errorsByKind.getOrDefault(kind, 0L));
    }
    errorsByKind = Map.copyOf(complete);
  }

  /** Failures of this interval, of every kind. */
  public long errors() {
    return errorsByKind.values().stream().mapToLong(Long::longValue).sum();
  }

  public long errors(ErrorKind kind) {
    return errorsByKind.getOrDefault(kind, 0L);
  }

  /**
   * Percentiles of one interval's corrected latency, in microseconds.
   *
   * @param max the interval's largest value
   */
  public record Latency(double p50, double p99, double p999, double max) {
    public static final Latency NONE = new Latency(0, 0, 0, 0);

    /** Of an interval histogram recorded in nanoseconds. */
    public static Latency of(org.HdrHistogram.Histogram nanos) {
      if (nanos.getTotalCount() == 0) {
        return NONE;
      }
      return new Latency(
          Percentiles.atPercentileMicros(nanos, 50),
          Percentiles.atPercentileMicros(nanos, 99),
          Percentiles.atPercentileMicros(nanos, 99.9),
          Percentiles.atPercentileMicros(nanos, 100));
    }
  }

  /** The interval's corrected latency p99 in microseconds. */
  public double latencyP99Micros() {
    return latency.p99();
  }
}
