package dev.meshcheck.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The shape of a mesh: clusters of routed nodes, gateways between clusters, leaf nodes, JetStream,
 * and an optional server-config file appended to every node (accounts, permissions, mappings).
 *
 * <pre>{@code
 * Topology three = Topology.cluster("cluster-3", 3);
 * Topology fromFile = TopologyFiles.load(Path.of("scenarios/topologies/leaf-hub.yaml"));
 * }</pre>
 *
 * @param gatewaysFullMesh whether every cluster has a gateway to every other cluster
 * @param include an absolute path to a server-config fragment, appended to every node's config
 */
public record Topology(
    String name,
    List<ClusterSpec> clusters,
    boolean gatewaysFullMesh,
    List<LeafNodeSpec> leafNodes,
    boolean jetstream,
    Optional<Path> include) {

  public Topology {
    Names.require("topology name", name);
    clusters = List.copyOf(clusters);
    leafNodes = List.copyOf(leafNodes);
    if (clusters.isEmpty()) {
      throw new IllegalArgumentException("topology '" + name + "' needs at least one cluster");
    }
    Set<String> names = new HashSet<>();
    for (ClusterSpec cluster : clusters) {
      if (!names.add(cluster.name())) {
        throw new IllegalArgumentException("cluster name '" + cluster.name() + "' is used twice");
      }
    }
    for (LeafNodeSpec leaf : leafNodes) {
      if (clusters.stream().noneMatch(c -> c.name().equals(leaf.hubCluster()))) {
        throw new IllegalArgumentException(
            "leaf node '" + leaf.name() + "' names hub '" + leaf.hubCluster() + "', not a cluster");
      }
      if (!names.add(leaf.name())) {
        throw new IllegalArgumentException("name '" + leaf.name() + "' is used twice");
      }
    }
    include = include.map(Path::toAbsolutePath);
  }

  /** A mesh of one cluster with {@code nodeCount} nodes, no gateways, leaf nodes or JetStream. */
  public static Topology cluster(String name, int nodeCount) {
    return new Topology(
        name, List.of(new ClusterSpec("c", nodeCount)), false, List.of(), false, Optional.empty());
  }

  /** The same topology with JetStream switched on or off. */
  public Topology withJetStream(boolean enabled) {
    return new Topology(name, clusters, gatewaysFullMesh, leafNodes, enabled, include);
  }

  /** The same topology with {@code configFragment} appended to every node's config. */
  public Topology withInclude(Path configFragment) {
    return new Topology(
        name, clusters, gatewaysFullMesh, leafNodes, jetstream, Optional.of(configFragment));
  }

  /** Every node, numbered from 1: cluster members in file order, then leaf nodes. */
  public List<NodeSpec> nodes() {
    List<NodeSpec> nodes = new ArrayList<>();
    for (ClusterSpec cluster : clusters) {
      for (int i = 1; i <= cluster.nodeCount(); i++) {
        nodes.add(
            new NodeSpec(
                nodes.size() + 1, cluster.name() + "-" + i, cluster.name(), Optional.empty()));
      }
    }
    for (LeafNodeSpec leaf : leafNodes) {
      nodes.add(
          new NodeSpec(nodes.size() + 1, leaf.name(), leaf.name(), Optional.of(leaf.hubCluster())));
    }
    return nodes;
  }

  public int nodeCount() {
    return nodes().size();
  }

  /** True when clusters are joined by gateways (two or more clusters, full mesh). */
  public boolean hasGateways() {
    return gatewaysFullMesh && clusters.size() > 1;
  }

  public boolean hasLeafNodes() {
    return !leafNodes.isEmpty();
  }

  public List<NodeSpec> membersOf(String clusterName) {
    return nodes().stream()
        .filter(n -> !n.isLeaf() && n.clusterName().equals(clusterName))
        .toList();
  }

  public ClusterSpec clusterNamed(String clusterName) {
    return clusters.stream()
        .filter(c -> c.name().equals(clusterName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no cluster named '" + clusterName + "'"));
  }
}
