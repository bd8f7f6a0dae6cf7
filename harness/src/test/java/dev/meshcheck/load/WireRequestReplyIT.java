package dev.meshcheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.load.transport.ConnectionEvents;
import dev.meshcheck.load.transport.Requester;
import dev.meshcheck.load.transport.Transport;
import dev.meshcheck.measure.ErrorKind;
import dev.meshcheck.measure.Metric;
import dev.meshcheck.measure.PhaseRecorders;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request-reply with requesters and service members on the wire client: every request answered once
 * in closed and open loop, the members' counts add up, and a subject nobody serves is refused with
 * no-responder errors rather than timeouts.
 */
@Tag("quiet") // counts what an open-loop schedule sent in its time: run alone (harness/pom.xml)
class WireRequestReplyIT {
  @TempDir Path out;

  @Test
  void closedLoopAndOpenLoopAnswerEveryRequestAndMemberCountsAddUp() throws Exception {
    try (RunningMesh mesh = ItMeshes.launch("single")) {
      WorkloadResult closed = run(mesh, requestReply(Rate.max(), OptionalLong.of(20_000), 10));
      System.out.printf(
          "wire request-reply closed loop: sent %d, received %d, per member %s, p50 %.1f us%n",
          closed.counts().sent(),
          closed.counts().received(),
          closed.placement().handledPerReceiver(),
          closed.percentiles(Metric.LATENCY).p50());
      assertEveryRequestAnsweredOnce(closed);
      assertThat(closed.counts().sent()).as("the message count was reached").isEqualTo(20_000);

      WorkloadResult open = run(mesh, requestReply(Rate.perSecond(1000), OptionalLong.empty(), 3));
      System.out.printf(
          "wire request-reply 1000/s: sent %d, received %d, per member %s%n",
          open.counts().sent(), open.counts().received(), open.placement().handledPerReceiver());
      assertEveryRequestAnsweredOnce(open);
      assertThat(open.counts().sent()).as("about 3 s at 1000/s").isBetween(2_500L, 3_100L);
    }
  }

  @Test
  void requestsToASubjectWithoutMembersAreNoRespondersNotTimeouts() throws Exception {
    try (RunningMesh mesh = ItMeshes.launch("single")) {
      PhaseRecorders warmup = new PhaseRecorders();
      PhaseRecorders measured = new PhaseRecorders();
      Clock clock = Clock.system();
      ReplyBook replies = new ReplyBook(clock, warmup, measured, Duration.ofSeconds(2));
      Transport wire = Transports.forClient(ClientKind.WIRE, new ConnectionEvents(), clock);
      try (Requester requester =
          wire.requester(mesh.node(1).clientUrl(), "client-1", "svc.nobody", replies)) {
        RunPhases phases =
            RunPhases.startingAt(clock.nanoTime(), Duration.ZERO, Duration.ofSeconds(20));
        replies.begin(phases);
        SendLoop loop =
            SendLoop.builder()
                .clock(clock)
                .phases(phases)
                .measuredLimit(OptionalLong.of(200))
                .recorders(warmup, measured)
                .sender(requester)
                .closedLoop(replies.completions(), Duration.ofSeconds(2))
                .build();
        loop.run();
        long deadline = clock.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (replies.settled() < loop.measuredSent() && clock.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        replies.settleTimeouts(loop.measuredSent());
      }
      assertThat(measured.errorCount(ErrorKind.NO_RESPONDERS))
          .as("every request was refused at once with 503")
          .isEqualTo(200);
      assertThat(measured.errorCount(ErrorKind.TIMEOUT)).as("timeouts").isZero();
      assertThat(measured.receivedCount()).as("replies").isZero();
    }
  }

  private static void assertEveryRequestAnsweredOnce(WorkloadResult result) {
    assertThat(result.errors().byKind().values())
        .as("errors %s", result.errors())
        .allMatch(n -> n == 0);
    assertThat(result.counts().received())
        .as("every request answered")
        .isEqualTo(result.counts().sent());
    assertThat(result.counts().duplicates()).as("duplicates").isZero();
    assertThat(result.placement().handledPerReceiver().values())
        .as("both members served")
        .hasSize(2)
        .allMatch(count -> count > 0);
    assertThat(result.placement().handledPerReceiver().values().stream().mapToLong(n -> n).sum())
        .as("per-member counts add up to the requests")
        .isEqualTo(result.counts().sent());
  }

  private WorkloadResult run(RunningMesh mesh, Workload workload) throws Exception {
    return new LoadRun("wire-rr", workload, mesh, LoadTuning.defaults(), Clock.system())
        .execute(
            out.resolve("wire-rr-" + System.nanoTime() + ".hlog"),
            LoadProgress.silent(),
            new AtomicBoolean());
  }

  private static Workload requestReply(Rate rate, OptionalLong messages, int seconds) {
    return new Workload(
        WorkloadKind.REQUEST_REPLY,
        "svc.wire",
        new Senders(1, rate, messages, 128),
        new Receivers(0, new ServiceSpec("workers", 2)),
        dev.meshcheck.scenario.Placement.spread(),
        new Timing(Duration.ofMillis(500), Duration.ofSeconds(seconds), Duration.ofSeconds(2)),
        ClientKind.WIRE);
  }
}
