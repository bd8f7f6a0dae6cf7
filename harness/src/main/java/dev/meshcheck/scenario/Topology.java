package dev.meshcheck.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param roles named sets of nodes that load scenarios place connections on ({@code local: east},
 *     {@code remote: west}), so that one scenario crosses each topology's link of interest; a role
 *     names nodes and clusters, never another role
 * @param tls whether clients, routes, gateways and leaf links use TLS with a CA and certificates
 *     the launcher makes for the run
 */
public record Topology(
    String name,
    List<ClusterSpec> clusters,
    boolean gatewaysFullMesh,
    List<LeafNodeSpec> leafNodes,
    boolean jetstream,
    Optional<Path> include,
    Map<String, List<String>> roles,
    boolean tls) {

  /** A topology without TLS. */
  public Topology(
      String name,
      List<ClusterSpec> clusters,
      boolean gatewaysFullMesh,
      List<LeafNodeSpec> leafNodes,
      boolean jetstream,
      Optional<Path> include,
      Map<String, List<String>> roles) {
    this(name, clusters, gatewaysFullMesh, leafNodes, jetstream, include, roles, false);
  }

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
    roles = copyOf(roles);
    List<NodeSpec> nodes = nodesOf(clusters, leafNodes);
    for (Map.Entry<String, List<String>> role : roles.entrySet()) {
      requireRole(name, nodes, role.getKey(), role.getValue(), names);
    }
  }

  private static Map<String, List<String>> copyOf(Map<String, List<String>> roles) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    roles.forEach((role, references) -> copy.put(role, List.copyOf(references)));
    return Collections.unmodifiableMap(copy);
  }

  private static void requireRole(
      String topologyName,
      List<NodeSpec> nodes,
      String role,
      List<String> references,
      Set<String> clusterAndLeafNames) {
    Names.require("role name", role);
    boolean clashes =
        role.equals(NodeChoice.SPREAD)
            || role.matches("\\d+")
            || clusterAndLeafNames.contains(role)
            || nodes.stream().anyMatch(n -> n.name().equals(role));
    if (clashes) {
      throw new IllegalArgumentException(
          "role '" + role + "' has the name of a node or cluster, or of spread; choose another");
    }
    if (references.isEmpty()) {
      throw new IllegalArgumentException("role '" + role + "' must name at least one node");
    }
    NodeReferences.resolve(topologyName, nodes, Map.of(), references);
  }

  /** A mesh of one cluster with {@code nodeCount} nodes, no gateways, leaf nodes or JetStream. */
  public static Topology cluster(String name, int nodeCount) {
    return new Topology(
        name,
        List.of(new ClusterSpec("c", nodeCount)),
        false,
        List.of(),
        false,
        Optional.empty(),
        Map.of());
  }

  /** The same topology with JetStream switched on or off. */
  public Topology withJetStream(boolean enabled) {
    return new Topology(name, clusters, gatewaysFullMesh, leafNodes, enabled, include, roles, tls);
  }

  /** The same topology with TLS on every link switched on or off. */
  public Topology withTls(boolean enabled) {
    return new Topology(
        name, clusters, gatewaysFullMesh, leafNodes, jetstream, include, roles, enabled);
  }

  /** The same topology with {@code configFragment} appended to every node's config. */
  public Topology withInclude(Path configFragment) {
    return new Topology(
        name,
        clusters,
        gatewaysFullMesh,
        leafNodes,
        jetstream,
        Optional.of(configFragment),
        roles,
        tls);
  }

  /**
   * The nodes a placement names on this topology, in order; every node for spread.
   *
   * @throws BadInputException naming where the choice was written, when it names a node, cluster or
   *     role this topology lacks
   */
  public List<NodeSpec> nodesFor(NodeChoice choice) {
    if (choice.isSpread()) {
      return nodes();
    }
    try {
      return NodeReferences.resolve(name, nodes(), roles, choice.references());
    } catch (IllegalArgumentException e) {
      throw choice
          .source()
          .map(s -> (RuntimeException) s.error(e.getMessage()))
          .orElseThrow(() -> e);
    }
  }

  /**
   * The links a message crosses from node {@code from} to node {@code to}, such as {@code gateway}.
   */
  public String linkBetween(NodeSpec from, NodeSpec to) {
    return LinkPaths.between(from, to);
  }

  /** Every node, numbered from 1: cluster members in file order, then leaf nodes. */
  public List<NodeSpec> nodes() {
    return nodesOf(clusters, leafNodes);
  }

  private static List<NodeSpec> nodesOf(List<ClusterSpec> clusters, List<LeafNodeSpec> leafNodes) {
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
