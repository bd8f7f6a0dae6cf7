package dev.meshcheck.topology.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.scenario.TopologyFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkTest {
  private static final ProjectLayout LAYOUT = ProjectLayout.discover();
  private static final Topology CLUSTER = TopologyFiles.resolve("cluster-3", LAYOUT);
  private static final Topology SUPERCLUSTER = TopologyFiles.resolve("supercluster-2x3", LAYOUT);
  private static final Topology LEAF_HUB = TopologyFiles.resolve("leaf-hub", LAYOUT);

  @Test
  void aRouteIsBothDirectionsBetweenTwoMembersNamedByNumberOrName() {
    assertThat(labels(Link.route("1", "east-2").paths(CLUSTER)))
        .containsExactly("route east-1>east-2", "route east-2>east-1");
  }

  @Test
  void aGatewayIsEveryDirectedPairAcrossTheTwoClusters() {
    List<PeerPath> paths = Link.gateway("east", "west").paths(SUPERCLUSTER);

    assertThat(paths).hasSize(18).allMatch(p -> p.kind() == LinkKind.GATEWAY);
    assertThat(labels(paths)).contains("gateway east-1>west-3", "gateway west-3>east-1");
  }

  @Test
  void aNodesGatewaysAreItsPairsWithTheOtherClusterBothWays() {
    assertThat(labels(Link.gatewaysOf("5").paths(SUPERCLUSTER)))
        .hasSize(6)
        .contains("gateway west-2>east-1", "gateway east-3>west-2")
        .noneMatch(l -> l.contains("west-1") || l.contains("west-3"));
  }

  @Test
  void aLeafLinkIsTheLeafToEachHubMember() {
    assertThat(labels(Link.leaf("leaf-2").paths(LEAF_HUB)))
        .containsExactly("leaf leaf-2>hub-1", "leaf leaf-2>hub-2", "leaf leaf-2>hub-3");
  }

  @Test
  void cuttingOffANodeCoversItsRoutesGatewaysAndLeafLinksButNotItsClients() {
    assertThat(labels(Link.peersOf("hub-1").paths(LEAF_HUB)))
        .containsExactlyInAnyOrder(
            "route hub-1>hub-2",
            "route hub-2>hub-1",
            "route hub-1>hub-3",
            "route hub-3>hub-1",
            "leaf leaf-1>hub-1",
            "leaf leaf-2>hub-1");
    assertThat(Link.peersOf("1").paths(SUPERCLUSTER)).hasSize(4 + 6);
  }

  @Test
  void clientLinksAreOnePathWithNoDialingNode() {
    PeerPath clients = Link.clientsOf("west-1").paths(SUPERCLUSTER).get(0);

    assertThat(clients.kind()).isEqualTo(LinkKind.CLIENT);
    assertThat(clients.dialer()).isEmpty();
    assertThat(clients.listener().number()).isEqualTo(4);
  }

  @Test
  void linksThatDoNotExistInTheTopologySayWhy() {
    assertThatThrownBy(() -> Link.route("1", "4").paths(SUPERCLUSTER))
        .hasMessageContaining("the route between node 1 and node 4")
        .hasMessageContaining("east-1 is in cluster east, west-1 is in cluster west");
    assertThatThrownBy(() -> Link.route("2", "2").paths(CLUSTER))
        .hasMessageContaining("two members of one cluster");
    assertThatThrownBy(() -> Link.gateway("east", "west").paths(CLUSTER))
        .hasMessageContaining("topology cluster-3 has no gateways");
    assertThatThrownBy(() -> Link.gateway("east", "north").paths(SUPERCLUSTER))
        .hasMessageContaining("no cluster named 'north'");
    assertThatThrownBy(() -> Link.leaf("hub-1").paths(LEAF_HUB))
        .hasMessageContaining("hub-1 is a member of cluster hub");
    assertThatThrownBy(() -> Link.clientsOf("9").paths(CLUSTER))
        .hasMessageContaining("no node 9; this mesh has nodes 1..3");
    assertThatThrownBy(() -> Link.peersOf("1").paths(Topology.cluster("single", 1)))
        .hasMessageContaining("it has no peers");
  }

  private static List<String> labels(List<PeerPath> paths) {
    return paths.stream().map(PeerPath::label).toList();
  }
}
