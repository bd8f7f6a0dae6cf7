package dev.meshcheck.scenario;

import java.time.Duration;
import java.util.List;

/**
 * The service-level objectives a run is gated on; evaluated on the merged histograms and counts of
 * the measured phase of every workload.
 */
public record Slo(List<Limit> limits) {
  public Slo {
    limits = List.copyOf(limits);
  }

  public static Slo none() {
    return new Slo(List.of());
  }

  /** One check of a run. */
  public sealed interface Limit permits LatencyLimit, RatioLimit {
    /** The key as written in the scenario file, such as {@code p99} or {@code max-error-rate}. */
    String name();
  }

  /**
   * The corrected latency at {@code percentile} must not exceed {@code limit}.
   *
   * @param percentile from 0 to 100; 100 means the maximum
   */
  public record LatencyLimit(String name, double percentile, Duration limit) implements Limit {
    public LatencyLimit {
      if (percentile <= 0 || percentile > 100) {
        throw new IllegalArgumentException("percentile must be in (0, 100], was " + percentile);
      }
      if (limit.isNegative() || limit.isZero()) {
        throw new IllegalArgumentException(name + " must be a positive duration, was " + limit);
      }
    }
  }

  /** What a ratio limit is about. */
  public enum RatioKind {
    /** Failed requests (timeouts, no responders, other) over requests sent. */
    ERROR_RATE,
    /** Messages lost over messages expected by the subscribers. */
    LOSS
  }

  /**
   * A fraction must not exceed {@code maxFraction}.
   *
   * @param maxFraction from 0 to 1 (the file says {@code 0.1%})
   */
  public record RatioLimit(String name, RatioKind kind, double maxFraction) implements Limit {
    public RatioLimit {
      if (maxFraction < 0 || maxFraction > 1) {
        throw new IllegalArgumentException(
            name + " must be from 0% to 100%, was " + (maxFraction * 100) + "%");
      }
    }
  }
}
