package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.scenario.NodeSpec;
import dev.meshcheck.scenario.Owner;
import dev.meshcheck.scenario.Topology;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the containers backend hands each container and how it addresses it; no Docker needed. */
class ContainerConfigTest {
  @Test
  void peersAreDialledByAliasOnTheStandardPorts() {
    Topology topology = Topology.cluster("cluster-3", 3).withJetStream(true);
    ServerConfigWriter writer =
        new ServerConfigWriter(
            topology, spec -> NodeEndpoints.standardPorts(ContainerMeshLauncher.alias(spec)));

    String config = writer.render(topology.nodes().get(0), ContainerMeshLauncher.STORE_DIR);

    assertThat(config)
        .contains("listen: \"0.0.0.0:4222\"")
        .contains("http: \"0.0.0.0:8222\"")
        .contains("\"nats-route://n2:6222\", \"nats-route://n3:6222\"")
        .contains("store_dir: \"/data/jetstream\"")
        .doesNotContain("nats-route://n1:");
  }

  @Test
  void leafNodesDialEveryHubMemberByAlias() {
    Topology topology =
        new Topology(
            "leaf-hub",
            List.of(new dev.meshcheck.scenario.ClusterSpec("hub", 2)),
            false,
            List.of(new dev.meshcheck.scenario.LeafNodeSpec("leaf-1", "hub")),
            false,
            Optional.empty(),
            java.util.Map.of());
    ServerConfigWriter writer =
        new ServerConfigWriter(
            topology, spec -> NodeEndpoints.standardPorts(ContainerMeshLauncher.alias(spec)));
    NodeSpec leaf = topology.nodes().get(2);

    assertThat(ContainerMeshLauncher.alias(leaf)).isEqualTo("n3");
    assertThat(writer.render(leaf, ContainerMeshLauncher.STORE_DIR))
        .contains("\"nats-leaf://n1:7422\", \"nats-leaf://n2:7422\"");
  }

  @Test
  void urlsFollowTheChosenAccess() {
    ContainerAddress address = new ContainerAddress("172.18.0.5", "localhost", 32768, 32769);

    assertThat(address.clientUrl(ClientAccess.CONTAINER_ADDRESS))
        .isEqualTo("nats://172.18.0.5:4222");
    assertThat(address.monitorUrl(ClientAccess.CONTAINER_ADDRESS))
        .hasToString("http://172.18.0.5:8222");
    assertThat(address.clientUrl(ClientAccess.MAPPED_PORT)).isEqualTo("nats://localhost:32768");
    assertThat(address.monitorUrl(ClientAccess.MAPPED_PORT)).hasToString("http://localhost:32769");
  }

  @Test
  void aRemoteDaemonIsReachedThroughMappedPortsWithoutProbing() {
    ContainerAddress address = new ContainerAddress("10.255.255.1", "docker-host", 1, 2);

    assertThat(address.bestAccess(false, Duration.ofMillis(1))).isEqualTo(ClientAccess.MAPPED_PORT);
  }

  @Test
  void everyRunIsLabelledWithItsOwnerAndRun() {
    Owner owner = new Owner(42, 1_700_000_000_000L);

    assertThat(ContainerReaper.labels(owner, "cluster-3-abcd1234"))
        .containsEntry("dev.meshcheck", "true")
        .containsEntry("dev.meshcheck.owner", "42@1700000000000")
        .containsEntry("dev.meshcheck.run", "cluster-3-abcd1234");
  }
}
