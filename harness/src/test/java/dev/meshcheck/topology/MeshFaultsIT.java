package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Faults on a cluster of three, on every backend that launches its own nodes. */
class MeshFaultsIT {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);
  private final MonitorClient monitor = new MonitorClient(Duration.ofSeconds(1));

  static Stream<Backend> backends() {
    return TestMeshes.LAUNCHING_BACKENDS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void killingOneNodeLeavesTheOtherTwoRouting(Backend backend) throws Exception {
    try (RunningMesh mesh = TestMeshes.launcher(backend).launch(TestMeshes.topology("cluster-3"))) {
      mesh.node(3).kill();

      assertThat(mesh.node(3).state()).isEqualTo(NodeState.STOPPED);
      assertThat(monitor.isHealthy(mesh.node(3).monitorUrl())).as("killed node answers").isFalse();
      awaitRoutes(mesh.node(1), 1);
      awaitRoutes(mesh.node(2), 1);
      assertMessagesFlow(mesh.node(1), mesh.node(2));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void pausedNodeAnswersNothingUntilResumed(Backend backend) throws Exception {
    try (RunningMesh mesh = TestMeshes.launcher(backend).launch(TestMeshes.topology("cluster-3"));
        Connection responder = TestMeshes.connect(mesh.node(1));
        Connection requester = TestMeshes.connect(mesh.node(2))) {
      Dispatcher echo =
          responder.createDispatcher(m -> responder.publish(m.getReplyTo(), m.getData()));
      echo.subscribe("svc.echo");
      responder.flush(Duration.ofSeconds(2));
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> answers(requester));

      mesh.node(2).pause();

      assertThat(mesh.node(2).state()).isEqualTo(NodeState.PAUSED);
      assertThat(monitor.isHealthy(mesh.node(2).monitorUrl()))
          .as("/healthz of a paused node")
          .isFalse();
      assertThat(answers(requester)).as("a request through the paused node").isFalse();

      mesh.node(2).resume();

      assertThat(mesh.node(2).state()).isEqualTo(NodeState.RUNNING);
      assertThat(monitor.isHealthy(mesh.node(2).monitorUrl())).as("/healthz after resume").isTrue();
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> answers(requester));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void killedNodeRestartsAndRejoins(Backend backend) throws Exception {
    try (RunningMesh mesh = TestMeshes.launcher(backend).launch(TestMeshes.topology("cluster-3"))) {
      String idBefore = mesh.node(2).serverInfo().serverId();
      mesh.node(2).kill();

      mesh.node(2).restart();

      assertThat(mesh.node(2).state()).isEqualTo(NodeState.RUNNING);
      assertThat(mesh.node(2).serverInfo().serverId())
          .as("a new server process")
          .isNotEqualTo(idBefore);
      awaitRoutes(mesh.node(2), 2);
      assertMessagesFlow(mesh.node(2), mesh.node(3));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void stoppedNodeRestartsAndRejoins(Backend backend) throws Exception {
    try (RunningMesh mesh = TestMeshes.launcher(backend).launch(TestMeshes.topology("cluster-3"))) {
      mesh.node(3).stop();
      assertThat(mesh.node(3).state()).isEqualTo(NodeState.STOPPED);
      awaitRoutes(mesh.node(1), 1);

      mesh.node(3).restart();

      awaitRoutes(mesh.node(1), 2);
      assertMessagesFlow(mesh.node(3), mesh.node(1));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void lameDuckNodeTellsItsClientsAndTurnsNewOnesAway(Backend backend) throws Exception {
    try (RunningMesh mesh = TestMeshes.launcher(backend).launch(TestMeshes.topology("cluster-3"))) {
      CountDownLatch toldToMove = new CountDownLatch(1);
      // A server with no clients leaves lame-duck mode at once by exiting; this one keeps one.
      try (Connection client =
          Nats.connect(
              new Options.Builder()
                  .server(mesh.node(1).clientUrl())
                  .noReconnect()
                  .connectionListener(
                      (conn, event) -> {
                        if (event == ConnectionListener.Events.LAME_DUCK) {
                          toldToMove.countDown();
                        }
                      })
                  .build())) {
        mesh.node(1).enterLameDuckMode();

        assertThat(toldToMove.await(10, TimeUnit.SECONDS)).as("client told to move").isTrue();
        assertThat(mesh.node(1).state()).isEqualTo(NodeState.LAME_DUCK);
        assertThatThrownBy(() -> TestMeshes.connect(mesh.node(1)).close())
            .as("a new client of a lame-duck node")
            .isInstanceOf(IOException.class);
        assertThat(client.getStatus()).isEqualTo(Connection.Status.CONNECTED);
      }
    }
  }

  private static void assertMessagesFlow(MeshNode from, MeshNode to) throws Exception {
    try (Connection publisher = TestMeshes.connect(from);
        Connection subscriber = TestMeshes.connect(to)) {
      Delivery.assertMessagesFlow(publisher, subscriber, 100);
    }
  }

  private void awaitRoutes(MeshNode node, int routes) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () ->
                assertThat(monitor.json(node.monitorUrl(), "/routez").path("num_routes").asInt())
                    .as("routes of node %s", node.name())
                    .isEqualTo(routes));
  }

  /** True when a request through {@code requester} gets its echo within the timeout. */
  private static boolean answers(Connection requester) throws InterruptedException {
    CompletableFuture<Message> reply =
        requester.requestWithTimeout("svc.echo", "ping".getBytes(), REQUEST_TIMEOUT);
    try {
      return reply.get(REQUEST_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS) != null;
    } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
      return false;
    }
  }
}
