package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.topology.faults.Link;
import dev.meshcheck.topology.faults.LinkFaultKind;
import dev.meshcheck.topology.faults.LinkKind;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Options;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Connection resets, on each backend that claims them: connections drop and come back. */
class LinkResetIT {
  static Stream<Backend> backends() {
    return TestMeshes.LAUNCHING_BACKENDS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void routeResetDropsTheRouteAndItComesBack(Backend backend) throws Exception {
    MeshLauncher launcher =
        TestMeshes.launcherClaiming(backend, LinkKind.ROUTE, LinkFaultKind.RESET);
    try (RunningMesh mesh =
            launcher.launch(TestMeshes.topology("cluster-3"), Set.of(LinkKind.ROUTE));
        Probes probes = new Probes(mesh)) {
      long before = LinkCounts.routeId(mesh.node(1), mesh.node(2));
      assertThat(before).as("route 1-2 before the reset").isNotEqualTo(-1);

      mesh.linkFaults().reset(Link.route("1", "2"));

      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(50))
          .untilAsserted(
              () ->
                  assertThat(LinkCounts.routeId(mesh.node(1), mesh.node(2)))
                      .as("node 1's route to node 2: a new connection")
                      .isNotIn(-1L, before));
      Delivery.assertMessagesFlow(probes.client(1), probes.client(2), 10);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void clientLinkResetDisconnectsThatNodesClientsAndTheyReconnect(Backend backend)
      throws Exception {
    MeshLauncher launcher =
        TestMeshes.launcherClaiming(backend, LinkKind.CLIENT, LinkFaultKind.RESET);
    try (RunningMesh mesh =
            launcher.launch(TestMeshes.topology("cluster-3"), Set.of(LinkKind.CLIENT));
        Probes probes = new Probes(mesh)) {
      CountDownLatch disconnected = new CountDownLatch(1);
      CountDownLatch reconnected = new CountDownLatch(1);
      ConnectionListener events =
          (conn, event) -> {
            if (event == ConnectionListener.Events.DISCONNECTED) {
              disconnected.countDown();
            } else if (event == ConnectionListener.Events.RECONNECTED) {
              reconnected.countDown();
            }
          };
      Connection client =
          probes.reconnectingClient(2, new Options.Builder().connectionListener(events));
      probes.echo(1, "svc.echo");
      Probes.awaitAnswer(client, "svc.echo");

      mesh.linkFaults().reset(Link.clientsOf("2"));

      assertThat(disconnected.await(10, TimeUnit.SECONDS)).as("client of node 2 dropped").isTrue();
      assertThat(reconnected.await(10, TimeUnit.SECONDS)).as("and reconnected").isTrue();
      Probes.awaitAnswer(client, "svc.echo");
    }
  }
}
