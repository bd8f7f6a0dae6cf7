package dev.meshcheck.report;

import dev.meshcheck.measure.ErrorKind;
import dev.meshcheck.measure.Fairness;
import dev.meshcheck.measure.IntervalLog;
import dev.meshcheck.measure.IntervalPoint;
import dev.meshcheck.measure.Metric;
import dev.meshcheck.measure.PhaseRecorders;
import dev.meshcheck.measure.ServerStats;
import dev.meshcheck.result.ConnectionPlacement;
import dev.meshcheck.result.Counts;
import dev.meshcheck.result.Ending;
import dev.meshcheck.result.Errors;
import dev.meshcheck.result.FaultEvent;
import dev.meshcheck.result.FaultOutcome;
import dev.meshcheck.result.FaultRecovery;
import dev.meshcheck.result.Latencies;
import dev.meshcheck.result.MeshFacts;
import dev.meshcheck.result.PlacementOutcome;
import dev.meshcheck.result.Rates;
import dev.meshcheck.result.Reconnection;
import dev.meshcheck.result.RunEnvironment;
import dev.meshcheck.result.RunIdentity;
import dev.meshcheck.result.RunResult;
import dev.meshcheck.result.ServerCounters;
import dev.meshcheck.result.SloCheck;
import dev.meshcheck.result.Validity;
import dev.meshcheck.result.WorkloadResult;
import dev.meshcheck.scenario.ClientKind;
import dev.meshcheck.scenario.NodeChoice;
import dev.meshcheck.scenario.Placement;
import dev.meshcheck.scenario.Rate;
import dev.meshcheck.scenario.Receivers;
import dev.meshcheck.scenario.Senders;
import dev.meshcheck.scenario.ServiceSpec;
import dev.meshcheck.scenario.Timing;
import dev.meshcheck.scenario.Workload;
import dev.meshcheck.scenario.WorkloadKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * Made-up run folders for report, compare and matrix tests: latencies drawn from a seeded
 * log-normal around a chosen median, written as real {@code .hlog}, {@code summary.json} and
 * friends.
 */
public final class SampleRuns {
  static final String WORKLOAD = "rr";
  private static final long START_MILLIS = 1_800_000_000_000L;

  private SampleRuns() {}

  /**
   * A request-reply run of 10,000 requests at 2000/s whose latency p50 is near {@code p50Micros}.
   */
  public static RunResult write(
      Path dir, String runId, String topology, double p50Micros, long seed) throws IOException {
    return write(dir, runId, topology, p50Micros, seed, workload(NodeChoice.on("local")));
  }

  public static RunResult write(
      Path dir, String runId, String topology, double p50Micros, long seed, Workload workload)
      throws IOException {
    java.nio.file.Files.createDirectories(dir);
    Random random = new Random(seed);
    Map<Metric, Histogram> totals = new EnumMap<>(Metric.class);
    List<IntervalPoint> points = new ArrayList<>();
    try (IntervalLog log =
        new IntervalLog(dir.resolve(WORKLOAD + ".hlog"), START_MILLIS, "sample")) {
      for (Metric metric : Metric.values()) {
        totals.put(metric, new Histogram(PhaseRecorders.HIGHEST_TRACKABLE_NANOS, 3));
      }
      for (int second = 0; second < 5; second++) {
        for (Metric metric : Metric.values()) {
          Histogram interval = new Histogram(PhaseRecorders.HIGHEST_TRACKABLE_NANOS, 3);
          double median = metric == Metric.SEND_DELAY ? 20 : p50Micros;
          for (int i = 0; i < 2000; i++) {
            interval.recordValue((long) (1000 * median * Math.exp(0.5 * random.nextGaussian())));
          }
          interval.setStartTimeStamp(START_MILLIS + second * 1000L);
          interval.setEndTimeStamp(START_MILLIS + (second + 1) * 1000L);
          log.write(metric.tag(), interval);
          totals.get(metric).add(interval);
        }
        points.add(
            new IntervalPoint(
                second,
                1,
                2000,
                2000,
                256_000,
                new IntervalPoint.Latency(p50Micros, 3 * p50Micros, 5 * p50Micros, 6 * p50Micros),
                java.util.Map.of()));
      }
    }
    RunResult result = result(runId, topology, workload, new Latencies(totals), points);
    RunReportWriter.write(dir, result);
    return result;
  }

  public static Workload workload(NodeChoice clientsOn) {
    return new Workload(
        WorkloadKind.REQUEST_REPLY,
        "svc.sample",
        new Senders(1, Rate.perSecond(2000), OptionalLong.empty(), 128),
        new Receivers(0, new ServiceSpec("workers", 2)),
        new Placement(clientsOn, NodeChoice.spread(), NodeChoice.on("remote")),
        new Timing(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(2)),
        ClientKind.JNATS);
  }

  private static RunResult result(
      String runId,
      String topology,
      Workload workload,
      Latencies latencies,
      List<IntervalPoint> points) {
    PlacementOutcome placement =
        new PlacementOutcome(
            List.of(
                new ConnectionPlacement(
                    "client-1", ConnectionPlacement.Role.SENDER, "east-1", "east"),
                new ConnectionPlacement(
                    "member-1", ConnectionPlacement.Role.MEMBER, "west-1", "west"),
                new ConnectionPlacement(
                    "member-2", ConnectionPlacement.Role.MEMBER, "west-2", "west")),
            Map.of("member-1", 5_200L, "member-2", 4_800L),
            Fairness.of(List.of(5_200L, 4_800L)),
            Map.of("gateway", 10_000L));
    WorkloadResult w =
        new WorkloadResult(
            WORKLOAD,
            workload,
            new Rates(OptionalDouble.of(2000), 2000, 2000, 256_000, 5),
            new Counts(10_000, 10_000, 0, 0, 0),
            new Errors(
                Map.of(ErrorKind.TIMEOUT, 0L),
                0,
                Optional.empty(),
                0,
                List.of(
                    new Reconnection("meshcheck-client-1", "nats://a:1", "nats://b:2", 1.5, 42.0))),
            latencies,
            points,
            placement,
            new Validity(true, List.of()));
    return new RunResult(
        new RunIdentity(
            runId, "sample", "scenarios/sample.yaml", Instant.parse("2026-12-02T10:00:00Z")),
        new MeshFacts(
            topology, "processes", "2.9.10", "loopback", "none", List.of("east-1 nats://x")),
        List.of(w),
        List.of(
            new SloCheck(
                "p99", WORKLOAD, OptionalDouble.of(50_000), OptionalDouble.empty(), 900, true)),
        new ServerCounters(
            List.of(new ServerStats("east-1", Map.of("in_msgs", 10L), List.of())),
            List.of(new ServerStats("east-1", Map.of("in_msgs", 20_010L), List.of()))),
        new RunEnvironment(
            "jnats 2.26.2", "OpenJDK 17", 2, 1L << 30, "Linux", "abc", 1L << 20, 5000, 0.99),
        new Ending(false, List.of()),
        faults());
  }

  /** Node 2 killed 2 s into the measured phase; one client reconnected; back 1 s later. */
  private static FaultOutcome faults() {
    Reconnection reconnect =
        new Reconnection("meshcheck-client-1", "nats://a:1", "nats://b:2", 2.25, 42.0);
    return new FaultOutcome(
        List.of(new FaultEvent("kill node 2", 2, 2.003, 12.5, Optional.empty())),
        List.of(
            new FaultRecovery(
                "kill node 2",
                2.003,
                5,
                Optional.of(0.997),
                2000,
                2400,
                Map.of(ErrorKind.TIMEOUT, 3L),
                3,
                List.of(reconnect),
                Optional.empty())));
  }
}
