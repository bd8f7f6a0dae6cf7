package dev.meshcheck.topology.faults;

import dev.meshcheck.scenario.NodeSpec;
import dev.meshcheck.scenario.Topology;
import java.util.List;

/**
 * Finds a node of a topology by number ({@code "3"}) or name ({@code "west-2"}, {@code "leaf-1"}),
 * as steps, fault timelines and the CLI name them.
 */
public final class NodeRefs {
  private NodeRefs() {}

  /**
   * @throws IllegalArgumentException naming the valid numbers and names when none matches
   */
  public static NodeSpec resolve(Topology topology, String ref) {
    List<NodeSpec> nodes = topology.nodes();
    if (ref != null && ref.matches("\\d+")) {
      int number = Integer.parseInt(ref);
      if (number >= 1 && number <= nodes.size()) {
        return nodes.get(number - 1);
      }
      throw new IllegalArgumentException(
          "no node " + number + "; this mesh has nodes 1.." + nodes.size());
    }
    return nodes.stream()
        .filter(n -> n.name().equals(ref))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no node named '"
                        + ref
                        + "'; nodes are "
                        + String.join(", ", nodes.stream().map(NodeSpec::name).toList())));
  }
}
