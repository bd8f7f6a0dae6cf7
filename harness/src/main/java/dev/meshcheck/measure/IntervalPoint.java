package dev.meshcheck.measure;

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
 */
public record IntervalPoint(
    double startSeconds,
    double lengthSeconds,
    double sentPerSecond,
    double deliveredPerSecond,
    double deliveredBytesPerSecond,
    Latency latency,
    long errors) {

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
