package dev.meshcheck.load;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;

/**
 * The rule that tells a run whose generator kept its schedule from one that did not: send-delay p99
 * above {@link LoadTuning#maxSendDelayP99()}, or an achieved rate more than 1% (by default) under
 * the target, makes the run invalid: its latencies describe the generator, not the mesh.
 */
final class ScheduleCheck {
  private ScheduleCheck() {}

  /** Why the run is invalid; empty when it is valid. Max-rate runs have no schedule to hold. */
  static List<String> reasons(
      Histogram sendDelayNanos,
      OptionalDouble targetRatePerSecond,
      double achievedRatePerSecond,
      LoadTuning tuning) {
    List<String> reasons = new ArrayList<>();
    if (targetRatePerSecond.isEmpty()) {
      return reasons;
    }
    long p99 = sendDelayNanos.getValueAtPercentile(99);
    long bound = tuning.maxSendDelayP99().toNanos();
    if (sendDelayNanos.getTotalCount() > 0 && p99 > bound) {
      reasons.add(
          String.format(
              "send delay p99 %.1f ms exceeds the %.1f ms bound: the generator fell behind its"
                  + " schedule",
              p99 / 1e6, bound / 1e6));
    }
    double target = targetRatePerSecond.getAsDouble();
    if (achievedRatePerSecond < target * tuning.minAchievedRateFraction()) {
      reasons.add(
          String.format(
              "achieved %.0f/s, more than %.0f%% under the target %.0f/s",
              achievedRatePerSecond, (1 - tuning.minAchievedRateFraction()) * 100, target));
    }
    return reasons;
  }
}
