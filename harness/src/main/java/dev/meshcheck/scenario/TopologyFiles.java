package dev.meshcheck.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads topology YAML files into validated {@link Topology} records.
 *
 * <pre>{@code
 * name: supercluster-2x3
 * clusters:
 *   - { name: east, nodes: 3 }
 *   - { name: west, nodes: 3 }
 * gateways: full-mesh          # or none (default full-mesh when there are 2+ clusters)
 * leafnodes:
 *   - { name: leaf-1, hub: east }
 * jetstream: false
 * include: ../configs/hotel-accounts.conf   # relative to this file
 * tls: true                    # a CA and certificates made per run; every link uses TLS
 * }</pre>
 */
public final class TopologyFiles {
  private TopologyFiles() {}

  /**
   * A topology by file path or by name ({@code cluster-3} means {@code
   * scenarios/topologies/cluster-3.yaml} under the layout's root).
   */
  public static Topology resolve(String nameOrPath, ProjectLayout layout) {
    Optional<Path> file = find(nameOrPath, layout);
    if (file.isPresent()) {
      return load(file.get());
    }
    throw new BadInputException(
        Path.of(nameOrPath), 0, "", "no such topology file, and " + unknown(nameOrPath, layout));
  }

  /** What to say of a topology name that is not there: where names are looked up, what is. */
  public static String unknown(String name, ProjectLayout layout) {
    List<String> known = knownNames(layout);
    return "no topology by that name in "
        + layout.describe(layout.topologies())
        + Suggestions.nearest(name, known).map(n -> " (did you mean '" + n + "'?)").orElse("")
        + "; known: "
        + String.join(", ", known);
  }

  /** The file a topology path or name stands for, when there is one (see {@link #resolve}). */
  public static Optional<Path> find(String nameOrPath, ProjectLayout layout) {
    Path asPath = Path.of(nameOrPath);
    if (Files.isRegularFile(asPath)) {
      return Optional.of(asPath);
    }
    Path byName = layout.topologies().resolve(nameOrPath + ".yaml");
    return Files.isRegularFile(byName) ? Optional.of(byName) : Optional.empty();
  }

  /** The names of the topologies under the layout's {@code scenarios/topologies}. */
  public static List<String> knownNames(ProjectLayout layout) {
    return YamlFiles.names(layout.topologies());
  }

  public static Topology load(Path file) {
    YamlTree root = YamlTree.load(file);
    root.allowOnly(
        "name", "clusters", "gateways", "leafnodes", "jetstream", "include", "roles", "tls");
    String name = meshName(root.required("name"));
    List<ClusterSpec> clusters = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (YamlTree entry : root.required("clusters").elements()) {
      entry.allowOnly("name", "nodes");
      String clusterName = unique(meshName(entry.required("name")), taken, entry);
      int nodes = entry.required("nodes").asInt(1, ClusterSpec.MAX_NODES);
      clusters.add(new ClusterSpec(clusterName, nodes));
    }
    if (clusters.isEmpty()) {
      throw root.required("clusters").error("must list at least one cluster");
    }
    boolean fullMesh =
        root.optional("gateways")
            .map(g -> g.asChoice("full-mesh", "none").equals("full-mesh"))
            .orElse(true);
    List<LeafNodeSpec> leaves = new ArrayList<>();
    for (YamlTree entry : root.optional("leafnodes").map(YamlTree::elements).orElse(List.of())) {
      entry.allowOnly("name", "hub");
      String leafName = unique(meshName(entry.required("name")), taken, entry);
      YamlTree hub = entry.required("hub");
      if (clusters.stream().noneMatch(c -> c.name().equals(hub.asString()))) {
        throw hub.error(
            "must name one of the clusters ("
                + String.join(", ", clusters.stream().map(ClusterSpec::name).toList())
                + "), was '"
                + hub.asString()
                + "'");
      }
      leaves.add(new LeafNodeSpec(leafName, hub.asString()));
    }
    boolean jetstream = root.optional("jetstream").map(YamlTree::asBoolean).orElse(false);
    Optional<Path> include = root.optional("include").map(TopologyFiles::includedFile);
    boolean tls = root.optional("tls").map(YamlTree::asBoolean).orElse(false);
    Map<String, List<String>> roles = new LinkedHashMap<>();
    try {
      Topology topology =
          new Topology(name, clusters, fullMesh, leaves, jetstream, include, roles, tls);
      for (var role : root.optional("roles").map(YamlTree::entries).orElse(Map.of()).entrySet()) {
        roles.put(role.getKey(), references(role.getValue()));
        topology = withRoles(topology, roles, role.getValue());
      }
      return topology;
    } catch (IllegalArgumentException e) {
      throw root.error(e.getMessage());
    }
  }

  /** Names that end up in server configs and node names ({@code east-2}): no dots there. */
  private static String meshName(YamlTree field) {
    String value = field.asString();
    if (!Names.isValid(value)) {
      throw field.error("must be a name of letters, digits, '-' or '_', was '" + value + "'");
    }
    return value;
  }

  /** Cluster and leaf names name nodes, so no two may be alike. */
  private static String unique(String name, Set<String> taken, YamlTree entry) {
    if (!taken.add(name)) {
      throw entry
          .required("name")
          .error(
              "'" + name + "' is already the name of a cluster or leaf node above; choose another");
    }
    return name;
  }

  /** Adds roles one at a time, so that a bad one is reported at its own line. */
  private static Topology withRoles(Topology t, Map<String, List<String>> roles, YamlTree at) {
    try {
      return new Topology(
          t.name(),
          t.clusters(),
          t.gatewaysFullMesh(),
          t.leafNodes(),
          t.jetstream(),
          t.include(),
          roles,
          t.tls());
    } catch (IllegalArgumentException e) {
      throw at.error(e.getMessage());
    }
  }

  /** A scalar ({@code east}, {@code 2}) or a list of them ({@code [1, 2]}). */
  static List<String> references(YamlTree field) {
    if (field.isScalar()) {
      return List.of(field.asString());
    }
    List<String> references = new ArrayList<>();
    for (YamlTree element : field.elements()) {
      references.add(element.asString());
    }
    if (references.isEmpty()) {
      throw field.error("must name at least one node, cluster or role, such as [1, 2] or east");
    }
    return references;
  }

  private static Path includedFile(YamlTree field) {
    Path base = field.file().toAbsolutePath().getParent();
    Path included = base.resolve(field.asString()).normalize();
    if (!Files.isRegularFile(included)) {
      throw field.error("names a server config that does not exist: " + included);
    }
    return included;
  }
}
