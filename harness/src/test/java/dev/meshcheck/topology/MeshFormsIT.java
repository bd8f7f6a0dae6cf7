package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshcheck.scenario.Topology;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every topology forms on every launching backend, and messages cross its links. */
class MeshFormsIT {
  /** Publisher node -> subscriber node pairs that cross each topology's links. */
  private static final Map<String, List<int[]>> CROSSINGS =
      Map.of(
          "single", List.of(new int[] {1, 1}),
          "cluster-3", List.of(new int[] {1, 3}),
          "supercluster-2x3", List.of(new int[] {1, 6}, new int[] {5, 2}),
          "leaf-hub", List.of(new int[] {1, 4}, new int[] {5, 4}),
          "cluster-3-jetstream", List.of(new int[] {1, 2}));

  static Stream<Arguments> backendsAndTopologies() {
    return TestMeshes.LAUNCHING_BACKENDS.stream()
        .flatMap(b -> TestMeshes.TOPOLOGIES.stream().map(t -> Arguments.of(b, t)));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("backendsAndTopologies")
  void meshFormsAndMessagesCrossItsLinks(Backend backend, String topologyName) throws Exception {
    Topology topology = TestMeshes.topology(topologyName);
    try (RunningMesh mesh = TestMeshes.launcher(backend).launch(topology)) {
      assertThat(mesh.nodes()).hasSize(topology.nodeCount());
      assertThat(
              new MeshReadiness(topology, spec -> mesh.node(spec.number()).monitorUrl())
                  .whatIsMissing(topology.nodes()))
          .as("links missing after launch returned")
          .isEmpty();
      for (MeshNode node : mesh.nodes()) {
        assertThat(node.serverInfo().serverName())
            .as("server_name of node %d", node.number())
            .isEqualTo(node.name());
      }
      if (backend == Backend.CONTAINERS) {
        assertThat(mesh.clientAccess())
            .as("Linux host with a local daemon")
            .isEqualTo(ClientAccess.CONTAINER_ADDRESS);
        assertThat(mesh.image()).isPresent();
      }
      for (int[] pair : CROSSINGS.get(topologyName)) {
        try (Connection from = TestMeshes.connect(mesh.node(pair[0]));
            Connection to = TestMeshes.connect(mesh.node(pair[1]))) {
          Delivery.assertMessagesFlow(from, to, 100);
        }
      }
      if (topology.jetstream()) {
        assertReplicatedStreamWorks(mesh);
      }
    }
  }

  /** The delivery check above must fail where no link joins the two nodes. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("launchingBackends")
  void deliveryCheckFailsBetweenClustersWithoutGateways(Backend backend) throws Exception {
    Topology joined = TestMeshes.topology("supercluster-2x3");
    Topology apart =
        new Topology(
            "two-clusters-apart",
            joined.clusters(),
            false,
            List.of(),
            false,
            java.util.Optional.empty(),
            java.util.Map.of());
    try (RunningMesh mesh = TestMeshes.launcher(backend).launch(apart);
        Connection east = TestMeshes.connect(mesh.node(1));
        Connection west = TestMeshes.connect(mesh.node(6))) {
      assertThatThrownBy(() -> Delivery.assertMessagesFlow(east, west, 10, Duration.ofSeconds(2)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("no probe");
    }
  }

  static Stream<Backend> launchingBackends() {
    return TestMeshes.LAUNCHING_BACKENDS.stream();
  }

  private static void assertReplicatedStreamWorks(RunningMesh mesh) throws Exception {
    try (Connection nc = TestMeshes.connect(mesh.node(1))) {
      JetStreamManagement jsm = nc.jetStreamManagement();
      StreamConfiguration config =
          StreamConfiguration.builder()
              .name("ORDERS")
              .subjects("orders.>")
              .replicas(3)
              .storageType(StorageType.File)
              .build();
      StreamInfo info = addWhenMetaLeaderIsElected(jsm, config);
      PublishAck ack = nc.jetStream().publish("orders.created", "o-1".getBytes());
      assertThat(ack.getSeqno()).isEqualTo(1);
      assertThat(info.getClusterInfo().getReplicas())
          .as("two replicas besides the leader")
          .hasSize(2);
    }
  }

  // The JetStream meta group elects its leader only after the routes form; until then the API
  // answers "JetStream system temporarily unavailable".
  private static StreamInfo addWhenMetaLeaderIsElected(
      JetStreamManagement jsm, StreamConfiguration config) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        return jsm.addStream(config);
      } catch (JetStreamApiException | java.io.IOException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200); // poll interval
      }
    }
  }
}
