package dev.meshcheck.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Resolves the node references of a {@link NodeChoice} or a topology role against a topology. */
final class NodeReferences {
  private NodeReferences() {}

  /**
   * The nodes {@code references} name, in order, each once.
   *
   * @param roles the topology's roles; a role may not name another role
   * @throws IllegalArgumentException naming the reference and what the topology has
   */
  static List<NodeSpec> resolve(
      String topologyName,
      List<NodeSpec> nodes,
      Map<String, List<String>> roles,
      List<String> references) {
    Set<NodeSpec> resolved = new LinkedHashSet<>();
    for (String reference : references) {
      List<String> roleReferences = roles.get(reference);
      if (roleReferences != null) {
        for (String inner : roleReferences) {
          resolved.addAll(one(topologyName, nodes, roles, inner));
        }
      } else {
        resolved.addAll(one(topologyName, nodes, roles, reference));
      }
    }
    return List.copyOf(resolved);
  }

  private static List<NodeSpec> one(
      String topologyName,
      List<NodeSpec> nodes,
      Map<String, List<String>> roles,
      String reference) {
    if (reference.matches("\\d+")) {
      int number = Integer.parseInt(reference);
      if (number >= 1 && number <= nodes.size()) {
        return List.of(nodes.get(number - 1));
      }
    }
    for (NodeSpec node : nodes) {
      if (node.name().equals(reference)) {
        return List.of(node);
      }
    }
    List<NodeSpec> members =
        nodes.stream().filter(n -> !n.isLeaf() && n.clusterName().equals(reference)).toList();
    if (!members.isEmpty()) {
      return members;
    }
    throw new IllegalArgumentException(
        "names '"
            + reference
            + "', which topology '"
            + topologyName
            + "' lacks; "
            + known(nodes, roles));
  }

  /** What a reference may name on this topology, for error messages. */
  static String known(List<NodeSpec> nodes, Map<String, List<String>> roles) {
    List<String> clusters =
        new ArrayList<>(
            new LinkedHashSet<>(
                nodes.stream().filter(n -> !n.isLeaf()).map(NodeSpec::clusterName).toList()));
    String text =
        "valid are spread, nodes 1.."
            + nodes.size()
            + " ("
            + String.join(", ", nodes.stream().map(NodeSpec::name).toList())
            + "), clusters "
            + String.join(", ", clusters);
    return roles.isEmpty() ? text : text + ", roles " + String.join(", ", roles.keySet());
  }
}
