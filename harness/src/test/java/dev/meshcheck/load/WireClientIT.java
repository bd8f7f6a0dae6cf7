package dev.meshcheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.result.WorkloadResult;
import dev.meshcheck.scenario.ClientKind;
import dev.meshcheck.scenario.Rate;
import dev.meshcheck.scenario.Receivers;
import dev.meshcheck.scenario.Senders;
import dev.meshcheck.scenario.ServiceSpec;
import dev.meshcheck.scenario.Timing;
import dev.meshcheck.scenario.Workload;
import dev.meshcheck.scenario.WorkloadKind;
import dev.meshcheck.topology.RunningMesh;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wire client on real servers delivers exactly (node deaths: ReconnectIT). */
class WireClientIT {
  @TempDir Path out;

  @Test
  void maxRateFanOutDeliversEveryMessageExactlyOnceInOrderToBothSubscribers() throws Exception {
    try (RunningMesh mesh = ItMeshes.launch("single")) {
      Workload workload = fanOut(Rate.max(), OptionalLong.of(200_000), 10);
      WorkloadResult result = run(mesh, workload, LoadTuning.defaults(), LoadProgress.silent());
      System.out.printf(
          "wire 1x2 max rate: sent %d, received %d, %.0f delivered/s%n",
          result.counts().sent(), result.counts().received(), result.rates().deliveredPerSecond());
      assertThat(result.counts().sent()).as("every measured message was sent").isEqualTo(200_000);
      assertThat(result.counts().lost()).as("lost").isZero();
      assertThat(result.counts().duplicates()).as("duplicates").isZero();
      assertThat(result.counts().outOfOrder()).as("out of order").isZero();
      assertThat(result.placement().handledPerReceiver())
          .containsEntry("subscriber-1", 200_000L)
          .containsEntry("subscriber-2", 200_000L);
      assertThat(result.counts().received()).isEqualTo(2 * result.counts().sent());
    }
  }

  @Test
  void queueGroupMembersOnTheWireClientShareEveryMessageOnce() throws Exception {
    try (RunningMesh mesh = ItMeshes.launch("single")) {
      Workload workload =
          new Workload(
              WorkloadKind.QUEUE_FAN_OUT,
              "events.wire.queue",
              new Senders(1, Rate.perSecond(5000), OptionalLong.empty(), 128),
              new Receivers(0, new ServiceSpec("workers", 2)),
              dev.meshcheck.scenario.Placement.spread(),
              new Timing(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(2)),
              ClientKind.WIRE);
      WorkloadResult result = run(mesh, workload, LoadTuning.defaults(), LoadProgress.silent());
      assertThat(result.counts().lost()).as("lost").isZero();
      assertThat(result.counts().duplicates()).as("duplicates").isZero();
      assertThat(result.placement().handledPerReceiver().values())
          .as("each member got a share")
          .allMatch(count -> count > 0);
      assertThat(result.counts().received())
          .as("one copy per group")
          .isEqualTo(result.counts().sent());
    }
  }

  private WorkloadResult run(
      RunningMesh mesh, Workload workload, LoadTuning tuning, LoadProgress progress)
      throws Exception {
    return new LoadRun("wire", workload, mesh, tuning, Clock.system())
        .execute(out.resolve("wire.hlog"), progress, new AtomicBoolean());
  }

  private static Workload fanOut(Rate rate, OptionalLong messages, int seconds) {
    return new Workload(
        WorkloadKind.FAN_OUT,
        "events.wire",
        new Senders(1, rate, messages, 128),
        new Receivers(2, new ServiceSpec("unused", 1)),
        dev.meshcheck.scenario.Placement.spread(),
        new Timing(Duration.ofMillis(500), Duration.ofSeconds(seconds), Duration.ofSeconds(2)),
        ClientKind.WIRE);
  }
}
