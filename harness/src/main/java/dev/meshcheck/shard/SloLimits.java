package dev.meshcheck.shard;

import dev.meshcheck.result.SloCheck;
import dev.meshcheck.scenario.Slo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario's SLOs recovered from a shard's checks, so that the merge evaluates them again on
 * the merged histograms and counts (a shard's own verdict is about its share only).
 */
final class SloLimits {
  private static final Map<String, Double> PERCENTILES =
      Map.of("p50", 50.0, "p90", 90.0, "p99", 99.0, "p999", 99.9, "p9999", 99.99, "max", 100.0);

  private SloLimits() {}

  static Slo of(List<SloCheck> checks) {
    Map<String, Slo.Limit> limits = new LinkedHashMap<>();
    for (SloCheck check : checks) {
      limits.computeIfAbsent(check.name(), name -> limit(check));
    }
    return new Slo(new ArrayList<>(limits.values()));
  }

  private static Slo.Limit limit(SloCheck check) {
    if (check.limitMicros().isPresent()) {
      Double percentile = PERCENTILES.get(check.name());
      if (percentile == null) {
        throw new IllegalStateException("unknown latency SLO '" + check.name() + "'");
      }
      long nanos = Math.round(check.limitMicros().getAsDouble() * 1000);
      return new Slo.LatencyLimit(check.name(), percentile, Duration.ofNanos(nanos));
    }
    Slo.RatioKind kind =
        check.name().equals("max-error-rate") ? Slo.RatioKind.ERROR_RATE : Slo.RatioKind.LOSS;
    return new Slo.RatioLimit(check.name(), kind, check.limitFraction().orElse(0));
  }
}
