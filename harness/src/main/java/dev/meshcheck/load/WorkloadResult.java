package dev.meshcheck.load;

import dev.meshcheck.measure.ErrorKind;
import dev.meshcheck.measure.Fairness;
import dev.meshcheck.measure.IntervalPoint;
import dev.meshcheck.measure.Metric;
import dev.meshcheck.measure.Percentiles;
import dev.meshcheck.scenario.Workload;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;

/**
 * Everything one workload's measured phase produced. Histograms are in nanoseconds and merged over
 * the whole phase; rates are per second of the measured phase.
 *
 * @param targetRatePerSecond empty for max rate
 * @param sent measured messages or requests the clients accepted
 * @param received measured replies, or deliveries summed over subscribers
 * @param errors by kind (timeouts, no responders, other)
 * @param measuredSeconds from the start of the measured phase to the last sender's end
 * @param invalidReasons why the generator did not hold its schedule; empty when it did
 * @param complete false when the run was interrupted before its phases ended
 */
public record WorkloadResult(
    String name,
    Workload workload,
    OptionalDouble targetRatePerSecond,
    double achievedRatePerSecond,
    long sent,
    long received,
    Map<ErrorKind, Long> errors,
    double deliveredPerSecond,
    double deliveredBytesPerSecond,
    Map<Metric, Histogram> histograms,
    List<IntervalPoint> intervals,
    DriverReport receivers,
    Fairness fairness,
    double measuredSeconds,
    List<String> invalidReasons,
    boolean complete) {

  public WorkloadResult {
    errors = Map.copyOf(errors);
    histograms = Map.copyOf(histograms);
    intervals = List.copyOf(intervals);
    invalidReasons = List.copyOf(invalidReasons);
  }

  public long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Failed over attempted requests (or publishes); 0 when nothing was sent. */
  public double errorRate() {
    long attempted = sent + errors.getOrDefault(ErrorKind.OTHER, 0L);
    return attempted == 0 ? 0 : (double) errorCount() / attempted;
  }

  /** Lost over expected deliveries; 0 when nothing was expected. */
  public double lossRate() {
    long expected = receivers.lost() + received;
    return expected == 0 ? 0 : (double) receivers.lost() / expected;
  }

  public Percentiles percentiles(Metric metric) {
    return Percentiles.ofNanos(histograms.get(metric));
  }

  public boolean isValid() {
    return invalidReasons.isEmpty();
  }
}
