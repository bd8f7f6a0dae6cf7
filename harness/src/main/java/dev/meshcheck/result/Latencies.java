package dev.meshcheck.result;

import dev.meshcheck.measure.Metric;
import dev.meshcheck.measure.Percentiles;
import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The merged histograms of a workload's measured phase, in nanoseconds: corrected latency, service
 * time and send delay. Histograms are copied in and out, so a caller cannot change a result.
 */
public record Latencies(Map<Metric, Histogram> histograms) {
  public Latencies {
    Map<Metric, Histogram> copies = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      Histogram given = histograms.get(metric);
      if (given == null) {
        throw new IllegalArgumentException("histograms must hold every metric, lacked " + metric);
      }
      copies.put(metric, given.copy());
    }
    histograms = Map.copyOf(copies);
  }

  /** A copy of one metric's histogram (nanoseconds). */
  public Histogram histogram(Metric metric) {
    return histograms.get(metric).copy();
  }

  public Percentiles percentiles(Metric metric) {
    return Percentiles.ofNanos(histograms.get(metric));
  }

  /** The value at {@code percentile} (100 = max) of a metric, in microseconds. */
  public double atPercentileMicros(Metric metric, double percentile) {
    return Percentiles.atPercentileMicros(histograms.get(metric), percentile);
  }
}
