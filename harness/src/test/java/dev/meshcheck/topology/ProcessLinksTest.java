package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.scenario.NodeSpec;
import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.scenario.TopologyFiles;
import dev.meshcheck.topology.faults.LinkKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a processes mesh dials through its proxies; no server is started. */
class ProcessLinksTest {
  private static final Topology SUPERCLUSTER =
      TopologyFiles.resolve("supercluster-2x3", ProjectLayout.discover());
  private static final List<NodeSpec> NODES = SUPERCLUSTER.nodes();

  @Test
  void linksNotLaunchedForFaultsAreDialledDirectly() {
    try (ProcessLinks links = ProcessLinks.open(SUPERCLUSTER, Set.of(), ProcessLinksTest::ports)) {
      assertThat(links.address(LinkKind.ROUTE, NODES.get(0), NODES.get(1)))
          .isEqualTo("127.0.0.1:6002");
      assertThat(links.advertising(NODES.get(0))).isEqualTo(PeerDialing.Advertising.DEFAULTS);
      assertThat(links.clientProxyPort(NODES.get(0))).isEmpty();
    }
  }

  @Test
  void eachDirectionOfEachPairDialsAProxyOfItsOwn() {
    try (ProcessLinks links =
        ProcessLinks.open(
            SUPERCLUSTER, EnumSet.of(LinkKind.ROUTE, LinkKind.GATEWAY), ProcessLinksTest::ports)) {
      String oneToTwo = links.address(LinkKind.ROUTE, NODES.get(0), NODES.get(1));
      String twoToOne = links.address(LinkKind.ROUTE, NODES.get(1), NODES.get(0));
      String oneToFour = links.address(LinkKind.GATEWAY, NODES.get(0), NODES.get(3));

      assertThat(List.of(oneToTwo, twoToOne, oneToFour))
          .allMatch(a -> a.startsWith("127.0.0.1:"))
          .doesNotHaveDuplicates()
          .doesNotContain("127.0.0.1:6002", "127.0.0.1:6001", "127.0.0.1:7004");
    }
  }

  @Test
  void proxiedNodesAdvertiseTheSinkToPeersAndTheirClientProxyToClients() {
    try (ProcessLinks links =
        ProcessLinks.open(SUPERCLUSTER, EnumSet.allOf(LinkKind.class), ProcessLinksTest::ports)) {
      PeerDialing.Advertising advertising = links.advertising(NODES.get(0));

      assertThat(advertising.cluster()).isPresent().isEqualTo(advertising.gateway());
      assertThat(advertising.client())
          .hasValue("127.0.0.1:" + links.clientProxyPort(NODES.get(0)).orElseThrow());
      assertThat(advertising.hideLeafUrls()).isTrue();
    }
  }

  /** Node n listens on 400n (clients), 600n (routes), 700n (gateways), 740n (leafs). */
  private static NodeEndpoints ports(NodeSpec node) {
    int n = node.number();
    return new NodeEndpoints(
        "127.0.0.1", "127.0.0.1", 4000 + n, 6000 + n, 7000 + n, 7400 + n, 8000 + n);
  }
}
