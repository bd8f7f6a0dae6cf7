package dev.meshcheck.result;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.measure.ErrorKind;
import dev.meshcheck.measure.IntervalPoint;
import dev.meshcheck.report.SampleRuns;
import dev.meshcheck.scenario.NodeChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Recovery read from per-second intervals: made-up runs whose answer is known. */
class RecoveryAnalysisTest {
  /**
   * 1000/s at p99 2 ms, except the seconds given, which deliver {@code delivered} at {@code p99}.
   */
  private static List<IntervalPoint> steadyExcept(int seconds, Map<Integer, double[]> disturbed) {
    List<IntervalPoint> points = new ArrayList<>();
    for (int s = 0; s < seconds; s++) {
      double[] d = disturbed.getOrDefault(s, new double[] {1000, 2000, 0});
      points.add(
          new IntervalPoint(
              s,
              1,
              1000,
              d[0],
              d[0] * 128,
              new IntervalPoint.Latency(500, d[1], d[1], d[1]),
              Map.of(ErrorKind.TIMEOUT, (long) d[2])));
    }
    return points;
  }

  private static WorkloadResult workload(
      List<IntervalPoint> points, List<Reconnection> reconnects) {
    return new WorkloadResult(
        "rr",
        SampleRuns.workload(NodeChoice.spread()),
        new Rates(OptionalDouble.of(1000), 1000, 1000, 128_000, points.size()),
        new Counts(points.size() * 1000L, 0, 0, 0, 0),
        new Errors(Map.of(), 0, Optional.empty(), 0, reconnects),
        latencies(),
        points,
        new PlacementOutcome(
            List.of(), Map.of(), dev.meshcheck.measure.Fairness.of(List.of()), Map.of()),
        new Validity(true, List.of()));
  }

  private static Latencies latencies() {
    Map<dev.meshcheck.measure.Metric, Histogram> all =
        new java.util.EnumMap<>(dev.meshcheck.measure.Metric.class);
    for (dev.meshcheck.measure.Metric metric : dev.meshcheck.measure.Metric.values()) {
      all.put(metric, new Histogram(3));
    }
    return new Latencies(all);
  }

  private static FaultEvent event(String fault, double at) {
    return new FaultEvent(fault, at, at, 5, Optional.empty());
  }

  @Test
  void recoveryEndsWhereThroughputAndP99AreBackAndStayBack() {
    List<IntervalPoint> points =
        steadyExcept(
            20,
            Map.of(
                5, new double[] {400, 9000, 120},
                6, new double[] {800, 5000, 30},
                7, new double[] {1000, 2000, 0}, // one good second in the middle
                8, new double[] {700, 6000, 10},
                9, new double[] {1300, 2100, 0})); // catch-up: above the level is not back
    Reconnection during = new Reconnection("c1", "nats://a", "nats://b", 5.4, 80);
    Reconnection before = new Reconnection("c2", "nats://a", "nats://b", 1.0, 30);
    List<FaultRecovery> recovery =
        RecoveryAnalysis.of(
            List.of(event("kill node 1", 5.2)), workload(points, List.of(before, during)));

    FaultRecovery kill = recovery.get(0);
    assertThat(kill.recoverySeconds())
        .as("back from second 10")
        .hasValueSatisfying(
            r -> assertThat(r).isCloseTo(4.8, org.assertj.core.data.Offset.offset(1e-9)));
    assertThat(kill.baselineDeliveredPerSecond()).isEqualTo(1000);
    assertThat(kill.baselineP99Micros()).isEqualTo(2000);
    assertThat(kill.failedByKind()).containsEntry(ErrorKind.TIMEOUT, 160L);
    assertThat(kill.reconnections()).as("only those in the window").containsExactly(during);
    assertThat(kill.undelivered())
        .as("sent minus delivered in the window")
        .isEqualTo(600 + 200 + 300 - 300);
  }

  @Test
  void aFaultThatNeverRecoversSaysSoAndTheNextIsMeasuredAgainstTheLevelBeforeTheFirst() {
    List<IntervalPoint> points =
        steadyExcept(
            12,
            Map.of(
                4, new double[] {0, 0, 50},
                5, new double[] {0, 0, 50},
                6, new double[] {0, 0, 50},
                7, new double[] {500, 3000, 5},
                8, new double[] {1000, 2000, 0}));
    List<FaultRecovery> recovery =
        RecoveryAnalysis.of(
            List.of(event("partition node 1", 4.0), event("heal node 1", 7.0)),
            workload(points, List.of()));

    assertThat(recovery.get(0).recoverySeconds()).isEmpty();
    assertThat(recovery.get(0).unrecoveredReason())
        .hasValueSatisfying(r -> assertThat(r).contains("not back within 10% before 7.0 s"));
    assertThat(recovery.get(0).failedByKind()).containsEntry(ErrorKind.TIMEOUT, 150L);
    assertThat(recovery.get(1).baselineDeliveredPerSecond())
        .as("no whole steady second between the two: the first's level")
        .isEqualTo(1000);
    assertThat(recovery.get(1).recoverySeconds()).hasValue(1.0);
  }

  @Test
  void aFaultAtTheVeryStartHasNoLevelToRecoverTo() {
    List<FaultRecovery> recovery =
        RecoveryAnalysis.of(
            List.of(event("kill node 1", 0.0)), workload(steadyExcept(5, Map.of()), List.of()));
    assertThat(recovery.get(0).recoverySeconds()).isEmpty();
    assertThat(recovery.get(0).unrecoveredReason())
        .hasValue("no whole interval before the fault to take the level from");
  }

  @Test
  void aFaultTheIntervalsCannotSeeRecoversAtOnce() {
    List<FaultRecovery> recovery =
        RecoveryAnalysis.of(
            List.of(event("latency 1ms on route 1 2", 3.5)),
            workload(steadyExcept(8, Map.of()), List.of()));
    assertThat(recovery.get(0).recoverySeconds()).hasValue(0.0);
    assertThat(recovery.get(0).failed()).isZero();
  }
}
