package dev.meshcheck.topology.faults;

import dev.meshcheck.scenario.NodeSpec;
import dev.meshcheck.scenario.Topology;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The paths of a node or of a whole topology, by link kind. */
final class PathsOf {
  private PathsOf() {}

  /** Every route, gateway and leaf path that starts or ends at {@code self}; may be empty. */
  static List<PeerPath> peers(Topology topology, NodeSpec self) {
    if (self.isLeaf()) {
      return leaf(topology, self);
    }
    List<PeerPath> paths = new ArrayList<>();
    for (NodeSpec peer : topology.membersOf(self.clusterName())) {
      if (!peer.equals(self)) {
        paths.add(PeerPath.between(LinkKind.ROUTE, self, peer));
        paths.add(PeerPath.between(LinkKind.ROUTE, peer, self));
      }
    }
    if (topology.hasGateways()) {
      paths.addAll(gateways(topology, self));
    }
    for (NodeSpec leaf : topology.nodes()) {
      if (leaf.hubCluster().filter(self.clusterName()::equals).isPresent()) {
        paths.add(PeerPath.between(LinkKind.LEAF, leaf, self));
      }
    }
    return paths;
  }

  /** Both directions between {@code self} and every member of the other clusters. */
  static List<PeerPath> gateways(Topology topology, NodeSpec self) {
    List<PeerPath> paths = new ArrayList<>();
    for (NodeSpec other : topology.nodes()) {
      if (!other.isLeaf() && !other.clusterName().equals(self.clusterName())) {
        paths.add(PeerPath.between(LinkKind.GATEWAY, self, other));
        paths.add(PeerPath.between(LinkKind.GATEWAY, other, self));
      }
    }
    return paths;
  }

  /** A leaf node to each member of its hub cluster. */
  static List<PeerPath> leaf(Topology topology, NodeSpec leaf) {
    return topology.membersOf(leaf.hubCluster().orElseThrow()).stream()
        .map(hub -> PeerPath.between(LinkKind.LEAF, leaf, hub))
        .toList();
  }

  /** Every path of {@code kinds} in {@code topology}, each once. */
  static List<PeerPath> all(Topology topology, Set<LinkKind> kinds) {
    Set<PeerPath> all = new LinkedHashSet<>();
    for (NodeSpec node : topology.nodes()) {
      if (kinds.contains(LinkKind.CLIENT)) {
        all.add(PeerPath.clientsOf(node));
      }
      peers(topology, node).stream().filter(p -> kinds.contains(p.kind())).forEach(all::add);
    }
    return List.copyOf(all);
  }
}
