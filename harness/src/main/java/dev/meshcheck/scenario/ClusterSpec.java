package dev.meshcheck.scenario;

/** One cluster of a topology: {@code nodeCount} servers joined by routes. */
public record ClusterSpec(String name, int nodeCount) {
  public static final int MAX_NODES = 15;

  public ClusterSpec {
    Names.require("cluster name", name);
    if (nodeCount < 1 || nodeCount > MAX_NODES) {
      throw new IllegalArgumentException(
          "cluster '" + name + "' nodeCount must be 1.." + MAX_NODES + ", was " + nodeCount);
    }
  }
}
