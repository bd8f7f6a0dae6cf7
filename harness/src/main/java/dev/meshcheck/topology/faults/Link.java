package dev.meshcheck.topology.faults;

import dev.meshcheck.scenario.NodeSpec;
import dev.meshcheck.scenario.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * A link of a mesh that faults act on, named as steps and fault timelines name it: nodes by number
 * ({@code "1"}) or name ({@code "east-2"}), clusters by name. Resolved against the mesh's topology
 * when a fault is applied, so a link may be written down before the mesh exists.
 *
 * <pre>{@code
 * Link.route("1", "2");             // the route between node 1 and node 2
 * Link.gateway("east", "west");     // every gateway connection between the two clusters
 * Link.gatewaysOf("east-1");        // every gateway connection node east-1 opens or accepts
 * Link.leaf("leaf-1");              // leaf-1's connection to its hub
 * Link.clientsOf("2");              // the client connections of node 2
 * Link.peersOf("1");                // every route, gateway and leaf connection of node 1
 * }</pre>
 */
public sealed interface Link {
  /** The paths this link covers in {@code topology}; throws a clear message if it has none. */
  List<PeerPath> paths(Topology topology);

  /** For messages: "the route between node 1 and node 2". */
  String describe();

  static Route route(String nodeA, String nodeB) {
    return new Route(nodeA, nodeB);
  }

  static Gateway gateway(String clusterA, String clusterB) {
    return new Gateway(clusterA, clusterB);
  }

  static NodeGateways gatewaysOf(String node) {
    return new NodeGateways(node);
  }

  static Leaf leaf(String leafNode) {
    return new Leaf(leafNode);
  }

  static ClientLinks clientsOf(String node) {
    return new ClientLinks(node);
  }

  static NodePeers peersOf(String node) {
    return new NodePeers(node);
  }

  /** See {@link #route(String, String)}. */
  record Route(String nodeA, String nodeB) implements Link {
    @Override
    public List<PeerPath> paths(Topology topology) {
      NodeSpec a = NodeRefs.resolve(topology, nodeA);
      NodeSpec b = NodeRefs.resolve(topology, nodeB);
      if (a.equals(b) || a.isLeaf() || b.isLeaf() || !a.clusterName().equals(b.clusterName())) {
        throw new IllegalArgumentException(
            describe()
                + ": a route joins two members of one cluster, and "
                + a.name()
                + " is "
                + membership(a)
                + ", "
                + b.name()
                + " is "
                + membership(b));
      }
      return List.of(
          PeerPath.between(LinkKind.ROUTE, a, b), PeerPath.between(LinkKind.ROUTE, b, a));
    }

    @Override
    public String describe() {
      return "the route between node " + nodeA + " and node " + nodeB;
    }
  }

  /** See {@link #gateway(String, String)}. */
  record Gateway(String clusterA, String clusterB) implements Link {
    @Override
    public List<PeerPath> paths(Topology topology) {
      requireGateways(topology, describe());
      topology.clusterNamed(clusterA);
      topology.clusterNamed(clusterB);
      if (clusterA.equals(clusterB)) {
        throw new IllegalArgumentException(describe() + ": a gateway joins two clusters");
      }
      List<PeerPath> paths = new ArrayList<>();
      for (NodeSpec a : topology.membersOf(clusterA)) {
        for (NodeSpec b : topology.membersOf(clusterB)) {
          paths.add(PeerPath.between(LinkKind.GATEWAY, a, b));
          paths.add(PeerPath.between(LinkKind.GATEWAY, b, a));
        }
      }
      return paths;
    }

    @Override
    public String describe() {
      return "the gateway between cluster " + clusterA + " and cluster " + clusterB;
    }
  }

  /** See {@link #gatewaysOf(String)}. */
  record NodeGateways(String node) implements Link {
    @Override
    public List<PeerPath> paths(Topology topology) {
      requireGateways(topology, describe());
      NodeSpec self = NodeRefs.resolve(topology, node);
      if (self.isLeaf()) {
        throw new IllegalArgumentException(describe() + ": a leaf node has no gateways");
      }
      return PathsOf.gateways(topology, self);
    }

    @Override
    public String describe() {
      return "the gateway connections of node " + node;
    }
  }

  /** See {@link #leaf(String)}. */
  record Leaf(String leafNode) implements Link {
    @Override
    public List<PeerPath> paths(Topology topology) {
      NodeSpec leaf = NodeRefs.resolve(topology, leafNode);
      if (!leaf.isLeaf()) {
        throw new IllegalArgumentException(
            describe() + ": " + leaf.name() + " is a member of cluster " + leaf.clusterName());
      }
      return PathsOf.leaf(topology, leaf);
    }

    @Override
    public String describe() {
      return "the leaf link of node " + leafNode;
    }
  }

  /** See {@link #clientsOf(String)}. */
  record ClientLinks(String node) implements Link {
    @Override
    public List<PeerPath> paths(Topology topology) {
      return List.of(PeerPath.clientsOf(NodeRefs.resolve(topology, node)));
    }

    @Override
    public String describe() {
      return "the client links of node " + node;
    }
  }

  /** See {@link #peersOf(String)}: what "node 1 is cut off from the others" cuts. */
  record NodePeers(String node) implements Link {
    @Override
    public List<PeerPath> paths(Topology topology) {
      List<PeerPath> paths = PathsOf.peers(topology, NodeRefs.resolve(topology, node));
      if (paths.isEmpty()) {
        throw new IllegalArgumentException(describe() + ": it has no peers in " + topology.name());
      }
      return paths;
    }

    @Override
    public String describe() {
      return "every route, gateway and leaf link of node " + node;
    }
  }

  private static String membership(NodeSpec node) {
    return node.isLeaf() ? "a leaf node" : "in cluster " + node.clusterName();
  }

  private static void requireGateways(Topology topology, String what) {
    if (!topology.hasGateways()) {
      throw new IllegalArgumentException(
          what + ": topology " + topology.name() + " has no gateways");
    }
  }
}
