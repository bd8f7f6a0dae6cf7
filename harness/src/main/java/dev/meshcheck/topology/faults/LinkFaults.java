package dev.meshcheck.topology.faults;

/**
 * Switches link faults of one running mesh on and off. Each call returns once the fault is in
 * effect for every connection on the link (bytes sent after it see it). Faults of different kinds
 * add up on a link (latency and a bandwidth limit together); applying a kind again replaces it.
 * Links that share connections (a gateway and a node's gateways) share their faults: the last
 * switch wins on each connection. Closing the mesh clears everything. Thread-safe.
 *
 * <pre>{@code
 * try (RunningMesh mesh = launcher.launch(topology, EnumSet.of(LinkKind.ROUTE, LinkKind.CLIENT))) {
 *   LinkFaults faults = mesh.linkFaults();
 *   faults.apply(Link.route("1", "2"), LinkFault.latency(Duration.ofMillis(50), Duration.ZERO));
 *   faults.clear(Link.route("1", "2"), LinkFaultKind.LATENCY);
 *   faults.cutOff("1");      // node 1 is cut off from the others
 *   faults.reconnect("1");   // and reconnected to them
 *   faults.reset(Link.clientsOf("2"));
 * }
 * }</pre>
 *
 * Every method throws {@code FaultsUnavailableException} (dev.meshcheck.topology) naming the fault
 * and the backend when {@link #support()} refuses it, and {@link IllegalArgumentException} when the
 * link does not exist in the mesh's topology.
 */
public interface LinkFaults {
  /** What this mesh can do. */
  FaultSupport support();

  /** Switches {@code fault} on for {@code link}, replacing an earlier fault of its kind there. */
  void apply(Link link, LinkFault fault);

  /** Switches the fault of {@code kind} off for {@code link}; nothing happens if none is on. */
  void clear(Link link, LinkFaultKind kind);

  /** Closes every connection on {@code link} now (TCP RST); the nodes and clients reconnect. */
  void reset(Link link);

  /** A partition of {@code link}: {@code apply(link, LinkFault.blackhole())}. */
  default void partition(Link link) {
    apply(link, LinkFault.blackhole());
  }

  /** Ends a partition of {@code link}. */
  default void heal(Link link) {
    clear(link, LinkFaultKind.BLACKHOLE);
  }

  /** Node {@code node} is cut off from the others: a partition of {@link Link#peersOf}. */
  default void cutOff(String node) {
    partition(Link.peersOf(node));
  }

  /** Node {@code node} is reconnected to the others. */
  default void reconnect(String node) {
    heal(Link.peersOf(node));
  }

  /** Clears every fault on every link. */
  void clearAll();
}
