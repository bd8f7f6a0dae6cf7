package dev.meshcheck.load;

import java.util.List;

/**
 * Spreads a workload's connections over the mesh's nodes round-robin. Senders start at node 1 and
 * receivers at node 2, so that on a cluster traffic crosses routes (on one node, all share it).
 */
final class Placement {
  private Placement() {}

  static <T> T sender(List<T> nodes, int index) {
    return nodes.get(index % nodes.size());
  }

  static <T> T receiver(List<T> nodes, int index) {
    return nodes.get((index + 1) % nodes.size());
  }
}
