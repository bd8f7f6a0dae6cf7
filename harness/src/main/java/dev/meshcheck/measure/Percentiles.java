package dev.meshcheck.measure;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one histogram in microseconds (rounded to 0.1 µs), always taken from a full merged
 * histogram, never averaged.
 */
public record Percentiles(
    double p50, double p90, double p99, double p999, double p9999, double max, long count) {

  /** Percentiles of a histogram recorded in nanoseconds. */
  public static Percentiles ofNanos(Histogram histogram) {
    return new Percentiles(
        micros(histogram.getValueAtPercentile(50)),
        micros(histogram.getValueAtPercentile(90)),
        micros(histogram.getValueAtPercentile(99)),
        micros(histogram.getValueAtPercentile(99.9)),
        micros(histogram.getValueAtPercentile(99.99)),
        micros(histogram.getMaxValue()),
        histogram.getTotalCount());
  }

  /** The value at {@code percentile} (100 = max) of a nanosecond histogram, in microseconds. */
  public static double atPercentileMicros(Histogram histogram, double percentile) {
    return percentile >= 100
        ? micros(histogram.getMaxValue())
        : micros(histogram.getValueAtPercentile(percentile));
  }

  private static double micros(long nanos) {
    return Math.round(nanos / 100.0) / 10.0;
  }
}
