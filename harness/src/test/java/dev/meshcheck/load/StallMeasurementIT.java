package dev.meshcheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.measure.Metric;
import dev.meshcheck.measure.Percentiles;
import dev.meshcheck.result.WorkloadResult;
import dev.meshcheck.scenario.ClientKind;
import dev.meshcheck.scenario.Rate;
import dev.meshcheck.scenario.Receivers;
import dev.meshcheck.scenario.Senders;
import dev.meshcheck.scenario.ServiceSpec;
import dev.meshcheck.scenario.Timing;
import dev.meshcheck.scenario.Workload;
import dev.meshcheck.scenario.WorkloadKind;
import dev.meshcheck.topology.MeshNode;
import dev.meshcheck.topology.RunningMesh;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Freezing the server (SIGSTOP / docker pause) for a second in the middle of a 1000 req/s run must
 * show in the corrected latency; a run without the stall must not.
 */
@Tag("quiet") // bounds latencies: run alone (harness/pom.xml)
class StallMeasurementIT {
  private static final Workload ONE_THOUSAND_PER_SECOND =
      new Workload(
          WorkloadKind.REQUEST_REPLY,
          "svc.stall",
          new Senders(1, Rate.perSecond(1000), OptionalLong.empty(), 128),
          new Receivers(0, new ServiceSpec("stall", 1)),
          dev.meshcheck.scenario.Placement.spread(),
          new Timing(Duration.ofSeconds(1), Duration.ofSeconds(6), Duration.ofSeconds(5)),
          ClientKind.JNATS);

  @TempDir Path out;

  @Test
  void aOneSecondServerStallShowsInCorrectedLatencyAndAStallFreeRunStaysSmall() throws Exception {
    try (RunningMesh mesh = ItMeshes.launch("single")) {
      WorkloadResult calm = run(mesh, "calm", LoadProgress.silent());
      MeshNode node = mesh.node(1);
      AtomicBoolean paused = new AtomicBoolean();
      LoadProgress pauseAfterTwoSeconds =
          (phase, elapsed, total, interval) -> {
            if (phase == LoadProgress.Phase.MEASURE
                && elapsed >= 2
                && paused.compareAndSet(false, true)) {
              new Thread(() -> pauseForOneSecond(node), "pause-node-1").start();
            }
          };
      WorkloadResult stalled = run(mesh, "stalled", pauseAfterTwoSeconds);

      Percentiles stalledLatency = stalled.percentiles(Metric.LATENCY);
      Percentiles stalledService = stalled.percentiles(Metric.SERVICE_TIME);
      Percentiles stalledSendDelay = stalled.percentiles(Metric.SEND_DELAY);
      Percentiles calmLatency = calm.percentiles(Metric.LATENCY);
      System.out.printf(
          "calm: latency p99 %.1f us; stalled: latency p99 %.1f us, service time p99 %.1f us,"
              + " send delay p99 %.1f us, max %.1f us%n",
          calmLatency.p99(),
          stalledLatency.p99(),
          stalledService.p99(),
          stalledSendDelay.p99(),
          stalledLatency.max());

      assertThat(paused).as("the pause was triggered").isTrue();
      assertThat(stalled.errors().total())
          .as("a 1 s stall is under the 5 s request timeout")
          .isZero();
      assertThat(stalled.counts().received()).isEqualTo(stalled.counts().sent());
      assertThat(stalledLatency.p99())
          .as("about 1/6 of the requests were intended during the 1 s stall")
          .isGreaterThan(500_000);
      assertThat(stalledLatency.max()).isBetween(800_000.0, 3_000_000.0);
      // The sender did not block: requests kept leaving on time (into the socket) while the server
      // was frozen, so the stall is all service time and send delay stays far below it.
      assertThat(stalledSendDelay.p99()).as("send delay p99").isLessThan(stalledLatency.p99() / 4);
      assertThat(stalledService.p99())
          .as("service time p99")
          .isGreaterThan(stalledLatency.p99() * 0.75);
      assertThat(calmLatency.p99())
          .as(
              "without the stall, p99 is well under the stalled p99 (generous: CI machines are noisy)")
          .isLessThan(stalledLatency.p99() / 2);
    }
  }

  private WorkloadResult run(RunningMesh mesh, String name, LoadProgress progress)
      throws Exception {
    return new LoadRun(name, ONE_THOUSAND_PER_SECOND, mesh, LoadTuning.defaults(), Clock.system())
        .execute(out.resolve(name + ".hlog"), progress, new AtomicBoolean());
  }

  private static void pauseForOneSecond(MeshNode node) {
    node.pause();
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      node.resume();
    }
  }
}
