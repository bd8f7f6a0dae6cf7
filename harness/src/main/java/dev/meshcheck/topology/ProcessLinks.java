package dev.meshcheck.topology;

import dev.meshcheck.scenario.NodeSpec;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.topology.faults.FaultProxy;
import dev.meshcheck.topology.faults.FaultSupport;
import dev.meshcheck.topology.faults.LinkFaultKind;
import dev.meshcheck.topology.faults.LinkFaults;
import dev.meshcheck.topology.faults.LinkKind;
import dev.meshcheck.topology.faults.PeerPath;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The links of a processes mesh that take faults: every path of the kinds it was launched for goes
 * through a {@link FaultProxy} on 127.0.0.1 (routes and gateways per pair of nodes and direction,
 * leaf links per hub member, client links per node), and the nodes' configs dial the proxies and
 * advertise nothing that would let a later connection go around them. Kinds not asked for stay
 * direct and cost nothing.
 */
final class ProcessLinks implements PeerDialing, AutoCloseable {
  static final FaultSupport SUPPORT =
      new FaultSupport(
          Backend.PROCESSES.cliName(),
          allFaultsOnEveryKind(),
          "every link kind goes through a proxy of the harness",
          EnumSet.allOf(LinkKind.class));

  private static final long JITTER_SEED = 0x6d657368L;

  private final Topology topology;
  private final Set<LinkKind> kinds;
  private final PeerDialing direct;
  private final ProxiedPaths proxies;
  private final Optional<AdvertiseSink> sink;

  private ProcessLinks(
      Topology topology,
      Set<LinkKind> kinds,
      PeerDialing direct,
      ProxiedPaths proxies,
      Optional<AdvertiseSink> sink) {
    this.topology = topology;
    this.kinds = kinds;
    this.direct = direct;
    this.proxies = proxies;
    this.sink = sink;
  }

  /** Opens the proxies of {@code kinds}' paths, forwarding to the nodes' own ports. */
  static ProcessLinks open(
      Topology topology, Set<LinkKind> kinds, Function<NodeSpec, NodeEndpoints> endpoints) {
    PeerDialing direct = PeerDialing.direct(endpoints);
    Set<LinkKind> faultable = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    ProxiedPaths proxies =
        ProxiedPaths.open(
            PeerPath.allIn(topology, faultable), path -> target(direct, path), JITTER_SEED);
    boolean gossips = faultable.contains(LinkKind.ROUTE) || faultable.contains(LinkKind.GATEWAY);
    return new ProcessLinks(
        topology,
        faultable,
        direct,
        proxies,
        gossips ? Optional.of(AdvertiseSink.open()) : Optional.empty());
  }

  LinkFaults faults() {
    return new ResolvingLinkFaults(topology, SUPPORT.launchedFor(kinds), proxies);
  }

  /** The port clients of {@code node} dial: its proxy's when client links take faults. */
  Optional<Integer> clientProxyPort(NodeSpec node) {
    return proxies.proxy(PeerPath.clientsOf(node)).map(FaultProxy::port);
  }

  @Override
  public String address(LinkKind kind, NodeSpec from, NodeSpec to) {
    return proxies
        .proxy(PeerPath.between(kind, from, to))
        .map(FaultProxy::hostPort)
        .orElseGet(() -> direct.address(kind, from, to));
  }

  @Override
  public Advertising advertising(NodeSpec node) {
    return new Advertising(
        proxies.proxy(PeerPath.clientsOf(node)).map(FaultProxy::hostPort),
        sinkFor(LinkKind.ROUTE),
        sinkFor(LinkKind.GATEWAY),
        kinds.contains(LinkKind.LEAF));
  }

  @Override
  public void close() {
    try {
      proxies.close();
    } finally {
      sink.ifPresent(AdvertiseSink::close);
    }
  }

  private Optional<String> sinkFor(LinkKind kind) {
    return kinds.contains(kind) ? sink.map(AdvertiseSink::hostPort) : Optional.empty();
  }

  private static InetSocketAddress target(PeerDialing direct, PeerPath path) {
    NodeSpec from = path.dialer().orElse(path.listener());
    String hostPort = direct.address(path.kind(), from, path.listener());
    int colon = hostPort.lastIndexOf(':');
    return new InetSocketAddress(
        hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }

  private static Map<LinkKind, Set<LinkFaultKind>> allFaultsOnEveryKind() {
    Map<LinkKind, Set<LinkFaultKind>> all = new EnumMap<>(LinkKind.class);
    for (LinkKind kind : LinkKind.values()) {
      all.put(kind, EnumSet.allOf(LinkFaultKind.class));
    }
    return all;
  }
}
