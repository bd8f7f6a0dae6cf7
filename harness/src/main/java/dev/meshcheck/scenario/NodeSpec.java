package dev.meshcheck.scenario;

import java.util.Optional;

/**
 * One server of a topology. Nodes are numbered from 1 across the whole topology in file order
 * (clusters first, then leaf nodes); a cluster member is also named {@code <cluster>-<i>}.
 *
 * @param clusterName the cluster a member belongs to; for a leaf node, its own name
 * @param hubCluster for a leaf node, the cluster it connects to
 */
public record NodeSpec(int number, String name, String clusterName, Optional<String> hubCluster) {
  public NodeSpec {
    if (number < 1) {
      throw new IllegalArgumentException("node number must be 1 or more, was " + number);
    }
    Names.require("node name", name);
  }

  public boolean isLeaf() {
    return hubCluster.isPresent();
  }
}
