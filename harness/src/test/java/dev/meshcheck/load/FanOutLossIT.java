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

/** Loss is counted, per subscriber, when a subscriber falls behind (node deaths: ReconnectIT). */
class FanOutLossIT {
  @TempDir Path out;

  @Test
  void aHealthyFanOutLosesNothingAndEverySubscriberGetsEveryMessage() throws Exception {
    try (RunningMesh mesh = ItMeshes.launch("single")) {
      WorkloadResult result =
          run(mesh, fanOut(2, 2000, 3), LoadTuning.defaults(), LoadProgress.silent());
      assertThat(result.counts().lost()).isZero();
      assertThat(result.counts().duplicates()).isZero();
      assertThat(result.counts().received()).isEqualTo(2 * result.counts().sent());
      assertThat(result.placement().handledPerReceiver())
          .containsValues(result.counts().sent(), result.counts().sent());
    }
  }

  @Test
  void aSlowedSubscriberLosesMessagesAndTheLossIsCounted() throws Exception {
    try (RunningMesh mesh = ItMeshes.launch("single")) {
      LoadTuning slowFirst =
          LoadTuning.defaults()
              .withSlowSubscriber(Duration.ofMillis(2), 50)
              .withDrainTimeout(Duration.ofSeconds(3));
      WorkloadResult result = run(mesh, fanOut(2, 2000, 3), slowFirst, LoadProgress.silent());
      System.out.printf(
          "slowed subscriber: sent %d, per subscriber %s, lost %d, client drops %d%n",
          result.counts().sent(),
          result.placement().handledPerReceiver(),
          result.counts().lost(),
          result.errors().clientSlowConsumerEvents());
      long slowReceived = result.placement().handledPerReceiver().get("subscriber-1");
      assertThat(result.counts().lost()).as("lost").isPositive();
      assertThat(result.counts().lost()).isEqualTo(result.counts().sent() - slowReceived);
      assertThat(result.placement().handledPerReceiver().get("subscriber-2"))
          .as("the healthy subscriber got everything")
          .isEqualTo(result.counts().sent());
    }
  }

  private WorkloadResult run(
      RunningMesh mesh, Workload workload, LoadTuning tuning, LoadProgress progress)
      throws Exception {
    return new LoadRun("fan-out", workload, mesh, tuning, Clock.system())
        .execute(out.resolve("fan-out.hlog"), progress, new AtomicBoolean());
  }

  private static Workload fanOut(int subscribers, long ratePerSecond, int seconds) {
    return new Workload(
        WorkloadKind.FAN_OUT,
        "events.loss",
        new Senders(1, Rate.perSecond(ratePerSecond), OptionalLong.empty(), 128),
        new Receivers(subscribers, new ServiceSpec("unused", 1)),
        dev.meshcheck.scenario.Placement.spread(),
        new Timing(Duration.ofSeconds(1), Duration.ofSeconds(seconds), Duration.ofSeconds(2)),
        ClientKind.JNATS);
  }
}
