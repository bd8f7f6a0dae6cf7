package dev.meshcheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.measure.IntervalPoint;
import dev.meshcheck.result.Reconnection;
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
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Load clients keep working through a node's death, on both clients: every connection whose node is
 * killed mid-run reconnects to another node of the cluster and goes on, and the run reports each
 * reconnect with how long it took. On cluster-3, senders sit on node 1 and receivers from node 2.
 */
@Tag("quiet") // counts what a rate delivered in its last second: run alone (harness/pom.xml)
class ReconnectIT {
  private static final Duration RECONNECT_BOUND = Duration.ofSeconds(5);

  @TempDir Path out;

  @ParameterizedTest(name = "{0}")
  @EnumSource(ClientKind.class)
  void aPublisherAndASubscriberWhoseNodesDieReconnectAndDeliveryGoesOn(ClientKind client)
      throws Exception {
    try (RunningMesh mesh = ItMeshes.launch("cluster-3")) {
      AtomicBoolean killed = new AtomicBoolean();
      // publisher-1 on node 1, subscriber-1 on node 2, subscriber-2 on node 3.
      LoadProgress killNodes1And3 = ItMeshes.killingNodesOneSecondIntoMeasure(mesh, killed, 1, 3);
      Workload fanOut =
          new Workload(
              WorkloadKind.FAN_OUT,
              "events.reconnect",
              new Senders(1, Rate.perSecond(2000), OptionalLong.empty(), 128),
              new Receivers(2, new ServiceSpec("unused", 1)),
              dev.meshcheck.scenario.Placement.spread(),
              new Timing(Duration.ofMillis(500), Duration.ofSeconds(6), Duration.ofSeconds(2)),
              client);
      WorkloadResult result = run(mesh, fanOut, killNodes1And3);
      List<Reconnection> reconnects = result.errors().reconnections();
      System.out.printf(
          "%s fan-out, nodes 1 and 3 killed: sent %d, per subscriber %s, lost %d, reconnects %s%n",
          client,
          result.counts().sent(),
          result.placement().handledPerReceiver(),
          lostOf(result),
          reconnects);

      assertThat(killed).isTrue();
      assertReconnected(reconnects, "meshcheck-publisher-1", "meshcheck-subscriber-2");
      // How long the reconnects take depends on the machine; what must hold is that once they
      // are done, each of the two subscribers gets every message again.
      assertDeliveringFullyAtTheEnd(result, 2);
      assertThat(result.counts().sent())
          .as("the publisher kept sending after the kill")
          .isGreaterThan(9000);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ClientKind.class)
  void aRequesterAndAServiceMemberWhoseNodesDieReconnectAndRequestsAreAnsweredAgain(
      ClientKind client) throws Exception {
    try (RunningMesh mesh = ItMeshes.launch("cluster-3")) {
      AtomicBoolean killed = new AtomicBoolean();
      // client-1 on node 1, member-1 on node 2, member-2 on node 3.
      LoadProgress killNodes1And2 = ItMeshes.killingNodesOneSecondIntoMeasure(mesh, killed, 1, 2);
      Workload requestReply =
          new Workload(
              WorkloadKind.REQUEST_REPLY,
              "svc.reconnect",
              new Senders(1, Rate.perSecond(1000), OptionalLong.empty(), 128),
              new Receivers(0, new ServiceSpec("workers", 2)),
              dev.meshcheck.scenario.Placement.spread(),
              new Timing(Duration.ofMillis(500), Duration.ofSeconds(6), Duration.ofSeconds(1)),
              client);
      WorkloadResult result = run(mesh, requestReply, killNodes1And2);
      List<Reconnection> reconnects = result.errors().reconnections();
      System.out.printf(
          "%s request-reply, nodes 1 and 2 killed: sent %d, received %d, errors %s, per member %s,"
              + " reconnects %s%n",
          client,
          result.counts().sent(),
          result.counts().received(),
          result.errors(),
          result.placement().handledPerReceiver(),
          reconnects);

      assertThat(killed).isTrue();
      assertReconnected(reconnects, "meshcheck-client-1", "meshcheck-member-1");
      assertDeliveringFullyAtTheEnd(result, 1);
      assertThat(result.counts().sent())
          .as("the client kept sending after the kill")
          .isGreaterThan(4500);
    }
  }

  private static void assertReconnected(List<Reconnection> reconnects, String... connectionNames) {
    for (String name : connectionNames) {
      assertThat(reconnects)
          .as("%s lost its node and reconnected, timed, within %s", name, RECONNECT_BOUND)
          .anySatisfy(
              r -> {
                assertThat(r.connection()).isEqualTo(name);
                assertThat(r.toUrl()).isNotEqualTo(r.fromUrl());
                assertThat(r.tookMillis()).isPositive().isLessThan(RECONNECT_BOUND.toMillis());
              });
    }
    assertThat(reconnects)
        .as("nothing else lost its node")
        .allMatch(r -> List.of(connectionNames).contains(r.connection()));
  }

  /**
   * The last whole second of the measured phase (the kill came about 1 s in) delivered nearly all
   * it sent to each receiver, so delivery went on after the kill on every connection.
   */
  private static void assertDeliveringFullyAtTheEnd(WorkloadResult result, int copiesPerMessage) {
    IntervalPoint last =
        result.intervals().stream()
            .filter(p -> p.lengthSeconds() > 0.9 && p.sentPerSecond() > 0)
            .reduce((first, second) -> second)
            .orElseThrow();
    assertThat(last.deliveredPerSecond())
        .as(
            "deliveries in the last second (%s) against %d copies of each sent",
            last, copiesPerMessage)
        .isGreaterThan(0.9 * copiesPerMessage * last.sentPerSecond());
  }

  private static long lostOf(WorkloadResult result) {
    return result.counts().lost();
  }

  private WorkloadResult run(RunningMesh mesh, Workload workload, LoadProgress progress)
      throws Exception {
    return new LoadRun("reconnect", workload, mesh, LoadTuning.defaults(), Clock.system())
        .execute(
            out.resolve("reconnect-" + System.nanoTime() + ".hlog"), progress, new AtomicBoolean());
  }
}
