package dev.meshcheck.result;

import dev.meshcheck.measure.Metric;
import dev.meshcheck.measure.Percentiles;
import dev.meshcheck.scenario.Slo;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Evaluates a scenario's SLOs on each workload's merged, corrected latency and its counts. */
public final class SloEvaluator {
  private SloEvaluator() {}

  public static List<SloCheck> evaluate(Slo slo, List<WorkloadResult> results) {
    List<SloCheck> checks = new ArrayList<>();
    for (WorkloadResult result : results) {
      for (Slo.Limit limit : slo.limits()) {
        checks.add(check(limit, result));
      }
    }
    return checks;
  }

  private static SloCheck check(Slo.Limit limit, WorkloadResult result) {
    if (limit instanceof Slo.LatencyLimit latency) {
      double observed =
          Percentiles.atPercentileMicros(
              result.latencies().histograms().get(Metric.LATENCY), latency.percentile());
      double limitMicros = latency.limit().toNanos() / 1000.0;
      return new SloCheck(
          latency.name(),
          result.name(),
          OptionalDouble.of(limitMicros),
          OptionalDouble.empty(),
          observed,
          observed <= limitMicros);
    }
    Slo.RatioLimit ratio = (Slo.RatioLimit) limit;
    double observed =
        ratio.kind() == Slo.RatioKind.ERROR_RATE ? result.errorRate() : result.lossRate();
    return new SloCheck(
        ratio.name(),
        result.name(),
        OptionalDouble.empty(),
        OptionalDouble.of(ratio.maxFraction()),
        observed,
        observed <= ratio.maxFraction());
  }
}
