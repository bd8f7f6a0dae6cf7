package dev.meshcheck.topology;

import dev.meshcheck.scenario.NodeSpec;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.topology.faults.FaultProxy;
import dev.meshcheck.topology.faults.FaultSupport;
import dev.meshcheck.topology.faults.LinkFault;
import dev.meshcheck.topology.faults.LinkFaultKind;
import dev.meshcheck.topology.faults.LinkFaults;
import dev.meshcheck.topology.faults.LinkKind;
import dev.meshcheck.topology.faults.PeerPath;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The links of a container mesh that take faults: routes, gateways and leaf links are partitioned
 * by a {@link ContainerFirewall} in the containers' namespaces (no preparation, no cost), client
 * links go through a {@link FaultProxy} per node on the host's 127.0.0.1 when the mesh is launched
 * for them, and the nodes advertise those proxies to their clients.
 */
final class ContainerLinks implements PeerDialing, PathFaults, AutoCloseable {
  private static final long JITTER_SEED = 0x6d657368L;

  private final Topology topology;
  private final Set<LinkKind> kinds;
  private final PeerDialing direct;
  private final boolean localDaemon;
  private volatile List<ContainerNode> nodes = List.of();
  private final ContainerFirewall firewall = new ContainerFirewall(n -> nodes.get(n - 1));
  private final ProxiedPaths clientProxies;

  /**
   * Opens the client proxies when {@code kinds} has client links; they dial nodes once attached.
   */
  ContainerLinks(
      Topology topology,
      Set<LinkKind> kinds,
      Function<NodeSpec, NodeEndpoints> endpoints,
      boolean localDaemon) {
    this.topology = topology;
    this.localDaemon = localDaemon;
    this.kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    this.direct = PeerDialing.direct(endpoints);
    Set<LinkKind> proxied =
        this.kinds.contains(LinkKind.CLIENT) ? Set.of(LinkKind.CLIENT) : Set.of();
    // A proxy asks for its target per connection, so it may exist before the containers do.
    this.clientProxies =
        ProxiedPaths.open(
            PeerPath.allIn(topology, proxied),
            path -> nodes.get(path.listener().number() - 1).directClientAddress(),
            JITTER_SEED);
  }

  /**
   * What the containers backend can do on this host.
   *
   * @param localDaemon whether Docker runs here: only then are the containers' namespaces at hand
   */
  static FaultSupport support(boolean localDaemon) {
    Optional<String> noFirewall =
        localDaemon
            ? ContainerFirewall.unavailableReason()
            : Optional.of("the Docker daemon runs on another host");
    Map<LinkKind, Set<LinkFaultKind>> capable = new EnumMap<>(LinkKind.class);
    capable.put(LinkKind.CLIENT, EnumSet.allOf(LinkFaultKind.class));
    if (noFirewall.isEmpty()) {
      for (LinkKind kind : List.of(LinkKind.ROUTE, LinkKind.GATEWAY, LinkKind.LEAF)) {
        capable.put(kind, EnumSet.of(LinkFaultKind.BLACKHOLE));
      }
    }
    return new FaultSupport(
        Backend.CONTAINERS.cliName(),
        capable,
        "it partitions routes, gateways and leaf links with iptables in the containers' network"
            + " namespaces"
            + noFirewall.map(why -> " (not here: " + why + ")").orElse("")
            + ", and puts client links behind a proxy of the harness",
        EnumSet.allOf(LinkKind.class));
  }

  /** Hands over the containers, once created: clients of each node dial its proxy from now on. */
  void attach(List<ContainerNode> containers) {
    this.nodes = List.copyOf(containers);
    for (ContainerNode node : nodes) {
      clientProxies
          .proxy(PeerPath.clientsOf(node.spec()))
          .ifPresent(proxy -> node.routeClientsThrough(proxy.hostPort()));
    }
  }

  LinkFaults faults() {
    return new ResolvingLinkFaults(topology, support(localDaemon).launchedFor(kinds), this);
  }

  @Override
  public String address(LinkKind kind, NodeSpec from, NodeSpec to) {
    return direct.address(kind, from, to);
  }

  @Override
  public Advertising advertising(NodeSpec node) {
    return new Advertising(
        clientProxies.proxy(PeerPath.clientsOf(node)).map(FaultProxy::hostPort),
        Optional.empty(),
        Optional.empty(),
        false);
  }

  @Override
  public void apply(PeerPath path, LinkFault fault) {
    mechanism(path).apply(path, fault);
  }

  @Override
  public void clear(PeerPath path, LinkFaultKind kind) {
    mechanism(path).clear(path, kind);
  }

  @Override
  public void reset(PeerPath path) {
    mechanism(path).reset(path);
  }

  @Override
  public void clearAll() {
    clientProxies.clearAll();
    firewall.clearAll();
  }

  @Override
  public void close() {
    clientProxies.close();
  }

  private PathFaults mechanism(PeerPath path) {
    return path.kind() == LinkKind.CLIENT ? clientProxies : firewall;
  }
}
