package dev.meshcheck.scenario;

import java.util.List;
import java.util.Optional;

/**
 * The nodes one role's connections sit on: {@code spread} over the whole mesh, or the nodes that
 * its references name. A reference is a node number ({@code 2}), a node name ({@code west-2},
 * {@code leaf-1}), a cluster name ({@code west}: its members) or a role the topology defines
 * ({@code local}, {@code remote}). Resolved against a topology by {@link Topology#nodesFor}.
 *
 * @param references as written; empty means spread
 * @param source where it was written, for errors; empty when built in code
 */
public record NodeChoice(List<String> references, Optional<FieldSource> source) {
  public static final String SPREAD = "spread";

  public NodeChoice {
    references = List.copyOf(references);
    if (references.contains(SPREAD) && references.size() > 1) {
      throw new IllegalArgumentException("spread cannot be combined with nodes, was " + references);
    }
    if (references.equals(List.of(SPREAD))) {
      references = List.of();
    }
  }

  public static NodeChoice spread() {
    return new NodeChoice(List.of(), Optional.empty());
  }

  /** Nodes by reference, as code gives them ({@code NodeChoice.on("east")}). */
  public static NodeChoice on(String... references) {
    return new NodeChoice(List.of(references), Optional.empty());
  }

  public boolean isSpread() {
    return references.isEmpty();
  }

  /** As written in a scenario file: {@code spread}, {@code east} or {@code [1, 2]}. */
  @Override
  public String toString() {
    if (isSpread()) {
      return SPREAD;
    }
    return references.size() == 1 ? references.get(0) : references.toString();
  }
}
