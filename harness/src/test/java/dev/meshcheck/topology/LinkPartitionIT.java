package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.topology.faults.Link;
import dev.meshcheck.topology.faults.LinkFaultKind;
import dev.meshcheck.topology.faults.LinkKind;
import io.nats.client.Connection;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Partitions (blackholes) on each backend that claims them, checked by their effect: nothing is
 * delivered across the link, the servers drop the link (after their pings go unanswered: the meshes
 * here ping every second), and a heal brings the link back and delivers again.
 */
class LinkPartitionIT {
  private static final Duration NOTHING_ARRIVES_WITHIN = Duration.ofSeconds(1);

  @TempDir Path dir;

  static Stream<Backend> backends() {
    return TestMeshes.LAUNCHING_BACKENDS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void partitionedRouteDeliversNothingDropsAndDeliversAgainWhenHealed(Backend backend)
      throws Exception {
    try (RunningMesh mesh = launch(backend, "cluster-3", LinkKind.ROUTE);
        Probes probes = new Probes(mesh)) {
      Connection publisher = probes.client(1);
      Connection subscriber = probes.client(2);
      Delivery.assertMessagesFlow(publisher, subscriber, 10);

      mesh.linkFaults().partition(Link.route("1", "2"));

      assertNothingArrives(publisher, subscriber);
      LinkCounts.awaitRoutes(mesh.node(1), 1);
      assertThat(LinkCounts.routeId(mesh.node(1), mesh.node(2)))
          .as("node 1's route to node 2 while partitioned")
          .isEqualTo(-1);
      LinkCounts.awaitRoutes(mesh.node(3), 2);

      mesh.linkFaults().heal(Link.route("1", "2"));

      LinkCounts.awaitRoutes(mesh.node(1), 2);
      Delivery.assertMessagesFlow(publisher, subscriber, 10);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void nodeCutOffFromTheOthersLosesAllItsRoutesAndRejoinsWhenReconnected(Backend backend)
      throws Exception {
    try (RunningMesh mesh = launch(backend, "cluster-3", LinkKind.ROUTE);
        Probes probes = new Probes(mesh)) {
      mesh.linkFaults().cutOff("east-1");

      LinkCounts.awaitRoutes(mesh.node(1), 0);
      LinkCounts.awaitRoutes(mesh.node(2), 1);
      Delivery.assertMessagesFlow(probes.client(2), probes.client(3), 10);

      mesh.linkFaults().reconnect("east-1");

      LinkCounts.awaitRoutes(mesh.node(1), 2);
      Delivery.assertMessagesFlow(probes.client(1), probes.client(2), 10);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void partitionedGatewayKeepsEachClusterServingItselfAndHeals(Backend backend) throws Exception {
    try (RunningMesh mesh = launch(backend, "supercluster-2x3", LinkKind.GATEWAY);
        Probes probes = new Probes(mesh)) {
      probes.echo(2, "svc.east");
      probes.echo(5, "svc.west");
      Connection requester = probes.client(1);
      Probes.awaitAnswer(requester, "svc.west");

      mesh.linkFaults().partition(Link.gateway("east", "west"));

      LinkCounts.awaitOutboundGateway(mesh.node(1), "west", false);
      LinkCounts.awaitOutboundGateway(mesh.node(5), "east", false);
      assertThat(Probes.answers(requester, "svc.east", Duration.ofSeconds(1)))
          .as("a request within east")
          .isTrue();
      assertThat(Probes.answers(requester, "svc.west", Duration.ofSeconds(1)))
          .as("a request from east to west")
          .isFalse();

      mesh.linkFaults().heal(Link.gateway("east", "west"));

      LinkCounts.awaitOutboundGateway(mesh.node(1), "west", true);
      Probes.awaitAnswer(requester, "svc.west");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void partitionedLeafLinkDeliversNothingDropsAndHeals(Backend backend) throws Exception {
    try (RunningMesh mesh = launch(backend, "leaf-hub", LinkKind.LEAF);
        Probes probes = new Probes(mesh)) {
      Connection publisher = probes.client(4);
      Connection subscriber = probes.client(1);
      Delivery.assertMessagesFlow(publisher, subscriber, 10);

      mesh.linkFaults().partition(Link.leaf("leaf-1"));

      assertNothingArrives(publisher, subscriber);
      LinkCounts.awaitLeafLinks(mesh.node(4), 0);

      mesh.linkFaults().heal(Link.leaf("leaf-1"));

      LinkCounts.awaitLeafLinks(mesh.node(4), 1);
      Delivery.assertMessagesFlow(publisher, subscriber, 10);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void partitionedClientLinksCutThatNodesClientsOffUntilHealed(Backend backend) throws Exception {
    try (RunningMesh mesh = launch(backend, "cluster-3", LinkKind.CLIENT);
        Probes probes = new Probes(mesh)) {
      probes.echo(1, "svc.echo");
      Connection cutOff = probes.reconnectingClient(2, new Options.Builder());
      Connection other = probes.client(3);
      Probes.awaitAnswer(cutOff, "svc.echo");

      mesh.linkFaults().partition(Link.clientsOf("2"));

      assertThat(Probes.answers(cutOff, "svc.echo", NOTHING_ARRIVES_WITHIN))
          .as("a request from a client of node 2")
          .isFalse();
      assertThat(Probes.answers(other, "svc.echo", NOTHING_ARRIVES_WITHIN))
          .as("a request from a client of node 3")
          .isTrue();

      mesh.linkFaults().heal(Link.clientsOf("2"));

      Probes.awaitAnswer(cutOff, "svc.echo");
    }
  }

  private RunningMesh launch(Backend backend, String topology, LinkKind kind) throws IOException {
    return TestMeshes.launcherClaiming(backend, kind, LinkFaultKind.BLACKHOLE)
        .launch(TestMeshes.withFastPings(topology, dir), Set.of(kind));
  }

  /** Interest is already in place: a message published now would arrive within milliseconds. */
  private static void assertNothingArrives(Connection publisher, Connection subscriber)
      throws Exception {
    String subject = "partitioned." + System.nanoTime();
    Subscription data = subscriber.subscribe(subject);
    subscriber.flush(Duration.ofSeconds(2));
    for (int i = 0; i < 10; i++) {
      publisher.publish(subject, new byte[16]);
    }
    publisher.flush(Duration.ofSeconds(2));
    assertThat(data.nextMessage(NOTHING_ARRIVES_WITHIN))
        .as("a message across the partition")
        .isNull();
    data.unsubscribe();
  }
}
