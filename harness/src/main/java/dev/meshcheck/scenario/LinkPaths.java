package dev.meshcheck.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Names the boundaries a message crosses between two nodes of a topology: {@code same node}, {@code
 * route} (two nodes of one cluster), {@code gateway} (two clusters), {@code leaf} (a leaf node and
 * its hub), or a combination joined by {@code +} ({@code leaf+gateway}). It names the kind of link
 * being compared, not every hop: a gateway or leaf connection lands on one member of the other
 * cluster, which may route the message on to another member. The servers' own link counters, read
 * before and after a run, count those hops.
 */
final class LinkPaths {
  static final String SAME_NODE = "same node";

  private LinkPaths() {}

  static String between(NodeSpec from, NodeSpec to) {
    if (from.equals(to)) {
      return SAME_NODE;
    }
    List<String> hops = new ArrayList<>();
    if (from.isLeaf()) {
      hops.add("leaf");
    }
    String fromCluster = from.hubCluster().orElse(from.clusterName());
    String toCluster = to.hubCluster().orElse(to.clusterName());
    if (!fromCluster.equals(toCluster)) {
      hops.add("gateway");
    } else if (!from.isLeaf() && !to.isLeaf()) {
      hops.add("route");
    }
    if (to.isLeaf()) {
      hops.add("leaf");
    }
    return String.join("+", hops);
  }
}
