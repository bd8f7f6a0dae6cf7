package dev.meshcheck.load;

import dev.meshcheck.result.ConnectionPlacement;
import dev.meshcheck.scenario.NodeChoice;
import dev.meshcheck.scenario.NodeSpec;
import dev.meshcheck.scenario.Placement;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.topology.MeshNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which node each connection of a workload dials, from the workload's {@link Placement}: connection
 * {@code i} of a role takes the role's nodes round robin. Spread puts senders from node 1 and
 * receivers from node 2, so that on a cluster traffic crosses routes (on one node, all share it).
 * Also names the path between two connections' nodes, for the links the traffic crossed.
 */
final class NodeAssignment {
  private final Topology topology;
  private final List<MeshNode> senders;
  private final List<MeshNode> subscribers;
  private final List<MeshNode> members;
  private final List<ConnectionPlacement> placed = new ArrayList<>();

  private NodeAssignment(Topology topology, Placement placement, List<MeshNode> nodes) {
    this.topology = topology;
    this.senders = nodesFor(placement.senders(), nodes, 0);
    this.subscribers = nodesFor(placement.subscribers(), nodes, 1);
    this.members = nodesFor(placement.members(), nodes, 1);
  }

  /**
   * @param nodes the running mesh's nodes, in topology order
   * @throws dev.meshcheck.scenario.BadInputException when the placement names a node, cluster or
   *     role the topology lacks
   */
  static NodeAssignment of(Topology topology, Placement placement, List<MeshNode> nodes) {
    return new NodeAssignment(topology, placement, nodes);
  }

  private List<MeshNode> nodesFor(NodeChoice choice, List<MeshNode> nodes, int spreadOffset) {
    List<MeshNode> chosen = new ArrayList<>();
    for (NodeSpec spec : topology.nodesFor(choice)) {
      chosen.add(nodes.get(spec.number() - 1));
    }
    if (choice.isSpread()) {
      java.util.Collections.rotate(chosen, -spreadOffset);
    }
    return chosen;
  }

  MeshNode sender(String connection, int index) {
    return record(connection, ConnectionPlacement.Role.SENDER, senders, index);
  }

  MeshNode subscriber(String connection, int index) {
    return record(connection, ConnectionPlacement.Role.SUBSCRIBER, subscribers, index);
  }

  MeshNode member(String connection, int index) {
    return record(connection, ConnectionPlacement.Role.MEMBER, members, index);
  }

  private MeshNode record(
      String connection, ConnectionPlacement.Role role, List<MeshNode> nodes, int index) {
    MeshNode node = nodes.get(index % nodes.size());
    placed.add(new ConnectionPlacement(connection, role, node.name(), node.clusterName()));
    return node;
  }

  /** Every connection handed out so far, in order. */
  List<ConnectionPlacement> placements() {
    return List.copyOf(placed);
  }

  /** The placements so far as {@code client-1 -> east-1, member-1 -> west-1}, for messages. */
  String describePlacements() {
    return String.join(", ", placed.stream().map(p -> p.connection() + " -> " + p.node()).toList());
  }

  /**
   * Measured deliveries by link path, given how many each receiver got from each sender.
   *
   * @param receiverNodes the node of each receiver, in the order of {@code countsBySender}
   * @param countsBySender for each receiver, its measured deliveries by sender index
   */
  Map<String, Long> deliveriesByLink(List<MeshNode> receiverNodes, List<long[]> countsBySender) {
    Map<String, Long> byLink = new TreeMap<>();
    for (int r = 0; r < receiverNodes.size(); r++) {
      long[] counts = countsBySender.get(r);
      for (int s = 0; s < counts.length; s++) {
        if (counts[s] > 0) {
          MeshNode from = senders.get(s % senders.size());
          String link = topology.linkBetween(from.spec(), receiverNodes.get(r).spec());
          byLink.merge(link, counts[s], Long::sum);
        }
      }
    }
    return byLink;
  }
}
