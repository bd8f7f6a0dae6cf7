package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.scenario.NodeSpec;
import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.scenario.TopologyFiles;
import dev.meshcheck.topology.faults.LinkKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigWriterTest {
  private static final ProjectLayout LAYOUT = ProjectLayout.discover();

  @TempDir Path dir;

  private static ServerConfigWriter writerFor(Topology topology) {
    return new ServerConfigWriter(
        topology, node -> NodeEndpoints.standardPorts("n" + node.number()));
  }

  @Test
  void clusterMembersRouteToEveryOtherMember() {
    Topology topology = TopologyFiles.resolve("cluster-3", LAYOUT);

    String conf = writerFor(topology).render(topology.nodes().get(1), "/data");

    assertThat(conf)
        .contains("server_name: \"east-2\"")
        .contains("name: \"east\"")
        .contains("routes: [\"nats-route://n1:6222\", \"nats-route://n3:6222\"]")
        .doesNotContain("gateway")
        .doesNotContain("jetstream");
  }

  @Test
  void gatewaysPointAtEveryMemberOfTheOtherCluster() {
    Topology topology = TopologyFiles.resolve("supercluster-2x3", LAYOUT);

    String conf = writerFor(topology).render(topology.nodes().get(0), "/data");

    assertThat(conf)
        .contains("gateway {")
        .contains(
            "{ name: \"west\", urls: [\"nats://n4:7222\", \"nats://n5:7222\", \"nats://n6:7222\"] }")
        .doesNotContain("{ name: \"east\", urls");
  }

  @Test
  void aTlsTopologyPutsTlsOnClientsRoutesGatewaysAndLeafLinks() {
    Topology topology = TopologyFiles.resolve("leaf-hub", LAYOUT).withTls(true);
    ServerConfigWriter writer =
        new ServerConfigWriter(
            topology,
            node -> NodeEndpoints.standardPorts("n" + node.number()),
            PeerDialing.direct(node -> NodeEndpoints.standardPorts("n" + node.number())),
            Optional.of(TlsFiles.in("/etc/nats/tls")));

    String hub = writer.render(topology.nodes().get(0), "/data");
    String leaf = writer.render(topology.nodes().get(3), "/data");

    String block = "tls {\n  cert_file: \"/etc/nats/tls/server-cert.pem\"";
    assertThat(hub.indexOf(block))
        .as("the client listener's tls block comes before the cluster block: %s", hub)
        .isNotNegative()
        .isLessThan(hub.indexOf("cluster {"));
    assertThat(hub.split("tls \\{", -1))
        .as("client listener, cluster and leaf listener each have a tls block: %s", hub)
        .hasSize(4);
    assertThat(hub).contains("ca_file: \"/etc/nats/tls/ca.pem\"").contains("timeout: 10");
    assertThat(leaf)
        .as("the leaf's remote dials its hub with TLS: %s", leaf)
        .containsPattern("remotes: \\[ \\{ urls: \\[[^]]*\\], dont_randomize: true\\n    tls \\{");
  }

  @Test
  void aTlsTopologyWithoutCertificatesIsRefused() {
    Topology topology = TopologyFiles.resolve("supercluster-2x3-tls", LAYOUT);

    assertThat(topology.tls()).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> writerFor(topology))
        .hasMessageContaining("uses TLS: the run's certificates are needed");
  }

  @Test
  void leafNodesDialEveryHubMemberAndHubsListen() {
    Topology topology = TopologyFiles.resolve("leaf-hub", LAYOUT);
    ServerConfigWriter writer = writerFor(topology);

    NodeSpec leaf = topology.nodes().get(3);
    assertThat(writer.render(leaf, "/data"))
        .contains(
            "remotes: [ { urls: [\"nats-leaf://n1:7422\", \"nats-leaf://n2:7422\","
                + " \"nats-leaf://n3:7422\"], dont_randomize: true } ]")
        .doesNotContain("cluster {");
    assertThat(writer.render(topology.nodes().get(0), "/data")).contains("leafnodes {\n  listen");
  }

  @Test
  void nodesDialWhereTheirDialingSaysAndAdvertiseWhatItSays() {
    Topology topology = TopologyFiles.resolve("supercluster-2x3", LAYOUT);
    PeerDialing proxied =
        dialing(
            (kind, from, to) ->
                "p-" + kind.label() + "-" + from.number() + "-" + to.number() + ":1",
            new PeerDialing.Advertising(
                Optional.of("c:1"), Optional.of("sink:9"), Optional.of("sink:9"), true));

    String conf =
        new ServerConfigWriter(
                topology, node -> NodeEndpoints.standardPorts("n" + node.number()), proxied)
            .render(topology.nodes().get(0), "/data");

    assertThat(conf)
        .contains("client_advertise: \"c:1\"")
        .contains("routes: [\"nats-route://p-route-1-2:1\", \"nats-route://p-route-1-3:1\"]")
        .contains(
            "{ name: \"west\", urls: [\"nats://p-gateway-1-4:1\", \"nats://p-gateway-1-5:1\","
                + " \"nats://p-gateway-1-6:1\"] }");
    assertThat(conf.split("advertise: \"sink:9\"")).as("cluster and gateway advertise").hasSize(3);
  }

  @Test
  void hubsHideOtherHubAddressesFromLeafNodesWhenAskedTo() {
    Topology topology = TopologyFiles.resolve("leaf-hub", LAYOUT);
    PeerDialing hiding =
        dialing(
            (kind, from, to) -> "p" + to.number() + ":1",
            new PeerDialing.Advertising(
                Optional.empty(), Optional.empty(), Optional.empty(), true));
    ServerConfigWriter writer =
        new ServerConfigWriter(
            topology, node -> NodeEndpoints.standardPorts("n" + node.number()), hiding);

    assertThat(writer.render(topology.nodes().get(0), "/data"))
        .contains("leafnodes {\n  listen: \"0.0.0.0:7422\"\n  no_advertise: true\n}");
    assertThat(writer.render(topology.nodes().get(3), "/data"))
        .contains("\"nats-leaf://p1:1\", \"nats-leaf://p2:1\", \"nats-leaf://p3:1\"");
  }

  /** Where a test's nodes dial, by kind, dialer and listener. */
  private interface Addresses {
    String of(LinkKind kind, NodeSpec from, NodeSpec to);
  }

  private static PeerDialing dialing(Addresses addresses, PeerDialing.Advertising advertising) {
    return new PeerDialing() {
      @Override
      public String address(LinkKind kind, NodeSpec from, NodeSpec to) {
        return addresses.of(kind, from, to);
      }

      @Override
      public Advertising advertising(NodeSpec node) {
        return advertising;
      }
    };
  }

  @Test
  void aSingleNodeNeedsNoClusterBlock() {
    Topology topology = TopologyFiles.resolve("single", LAYOUT);

    assertThat(writerFor(topology).render(topology.nodes().get(0), "/data"))
        .doesNotContain("cluster {");
  }

  @Test
  void jetstreamGetsAStoreDir() {
    Topology topology = TopologyFiles.resolve("cluster-3-jetstream", LAYOUT);

    assertThat(writerFor(topology).render(topology.nodes().get(0), "/data/js"))
        .contains("jetstream {\n  store_dir: \"/data/js\"\n}");
  }

  @Test
  void theIncludeIsAppendedLast() throws IOException {
    Path fragment = dir.resolve("accounts.conf");
    Files.writeString(fragment, "accounts { A: { users: [ { user: a, password: a } ] } }\n");
    Topology topology = TopologyFiles.resolve("single", LAYOUT).withInclude(fragment);

    String conf = writerFor(topology).render(topology.nodes().get(0), "/data");

    assertThat(conf).endsWith("accounts { A: { users: [ { user: a, password: a } ] } }\n");
  }
}
