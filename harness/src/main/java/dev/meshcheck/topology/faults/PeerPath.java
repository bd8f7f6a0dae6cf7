package dev.meshcheck.topology.faults;

import dev.meshcheck.scenario.NodeSpec;
import dev.meshcheck.scenario.Topology;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The connections that one node opens to one listener of another: what a backend puts a fault on. A
 * route between two nodes is two paths (each member dials the other); client links have no dialing
 * node.
 *
 * @param dialer the node that connects, empty for clients
 * @param listener the node whose route, gateway, leaf or client port is dialled
 */
public record PeerPath(LinkKind kind, Optional<NodeSpec> dialer, NodeSpec listener) {
  public PeerPath {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(listener, "listener");
    if ((kind == LinkKind.CLIENT) != dialer.isEmpty()) {
      throw new IllegalArgumentException(
          "a client path has no dialing node and every other path has one; was "
              + kind
              + " from "
              + dialer);
    }
  }

  /** Every path of {@code kinds} in {@code topology}: what a mesh puts proxies on. */
  public static List<PeerPath> allIn(Topology topology, Set<LinkKind> kinds) {
    return PathsOf.all(topology, kinds);
  }

  public static PeerPath between(LinkKind kind, NodeSpec dialer, NodeSpec listener) {
    return new PeerPath(kind, Optional.of(dialer), listener);
  }

  public static PeerPath clientsOf(NodeSpec node) {
    return new PeerPath(LinkKind.CLIENT, Optional.empty(), node);
  }

  /** For messages and thread names: "route east-1>east-2", "client>east-2". */
  public String label() {
    return kind.label()
        + " "
        + dialer.map(NodeSpec::name).orElse("clients")
        + ">"
        + listener.name();
  }
}
