package dev.meshcheck.result;

import dev.meshcheck.measure.IntervalPoint;
import dev.meshcheck.measure.Metric;
import dev.meshcheck.measure.Percentiles;
import dev.meshcheck.scenario.Workload;
import java.util.List;

/**
 * Everything one workload's measured phase produced, grouped by what it describes.
 *
 * <pre>{@code
 * WorkloadResult w = runResult.workloads().get(0);
 * double p99Micros = w.latencies().percentiles(Metric.LATENCY).p99();
 * Map<String, Long> answered = w.placement().handledPerCluster();
 * }</pre>
 *
 * @param workload what the scenario asked for (shape, rate, placement, timing, client)
 * @param intervals about one point per second of the measured phase
 */
public record WorkloadResult(
    String name,
    Workload workload,
    Rates rates,
    Counts counts,
    Errors errors,
    Latencies latencies,
    List<IntervalPoint> intervals,
    PlacementOutcome placement,
    Validity validity) {

  public WorkloadResult {
    intervals = List.copyOf(intervals);
  }

  /** Failed over attempted requests (or publishes); 0 when nothing was sent. */
  public double errorRate() {
    long attempted = counts.sent() + errors.count(dev.meshcheck.measure.ErrorKind.OTHER);
    return attempted == 0 ? 0 : (double) errors.total() / attempted;
  }

  public double lossRate() {
    return counts.lossRate();
  }

  public Percentiles percentiles(Metric metric) {
    return latencies.percentiles(metric);
  }

  public boolean isValid() {
    return validity.isValid();
  }

  public boolean complete() {
    return validity.complete();
  }
}
