package dev.meshcheck.compare;

import dev.meshcheck.measure.Metric;
import dev.meshcheck.result.RunResult;
import dev.meshcheck.scenario.BadInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A figure two runs are compared on: corrected-latency percentiles (microseconds, lower is better),
 * delivered throughput (per second, higher is better) and error rate (lower is better). Always
 * taken from a run's merged histogram or counts, never from averaged percentiles.
 */
public enum CompareMetric {
  P50("p50", 50),
  P90("p90", 90),
  P99("p99", 99),
  P999("p999", 99.9),
  P9999("p9999", 99.99),
  MAX("max", 100),
  THROUGHPUT("throughput", 0),
  ERROR_RATE("error-rate", 0);

  private final String key;
  private final double percentile;

  CompareMetric(String key, double percentile) {
    this.key = key;
    this.percentile = percentile;
  }

  /** The name on the command line and in reports ({@code p99}, {@code throughput}). */
  public String key() {
    return key;
  }

  public boolean lowerIsBetter() {
    return this != THROUGHPUT;
  }

  /** The unit of {@link #of}, for tables. */
  public String unit() {
    return switch (this) {
      case THROUGHPUT -> "msgs/s";
      case ERROR_RATE -> "fraction";
      default -> "µs";
    };
  }

  /** This figure of a run's (first) workload. */
  public double of(RunResult run) {
    var workload = run.workload();
    return switch (this) {
      case THROUGHPUT -> workload.rates().deliveredPerSecond();
      case ERROR_RATE -> workload.errorRate();
      default -> workload.latencies().atPercentileMicros(Metric.LATENCY, percentile);
    };
  }

  /**
   * Parses a value of {@code compare --metric}: {@code p99} and friends.
   *
   * @throws BadInputException listing the valid names
   */
  public static CompareMetric parse(String key) {
    return Arrays.stream(values())
        .filter(m -> m.key.equals(key.trim().toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                BadInputException.option(
                    "--metric",
                    "unknown metric '" + key + "'; valid are " + String.join(", ", keys())));
  }

  static List<String> keys() {
    return Arrays.stream(values()).map(CompareMetric::key).toList();
  }
}
