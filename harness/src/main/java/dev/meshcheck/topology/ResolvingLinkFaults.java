package dev.meshcheck.topology;

import dev.meshcheck.scenario.Topology;
import dev.meshcheck.topology.faults.FaultSupport;
import dev.meshcheck.topology.faults.Link;
import dev.meshcheck.topology.faults.LinkFault;
import dev.meshcheck.topology.faults.LinkFaultKind;
import dev.meshcheck.topology.faults.LinkFaults;
import dev.meshcheck.topology.faults.PeerPath;
import java.util.List;

/**
 * The {@link LinkFaults} of a launched mesh: resolves a link to its paths in the topology, refuses
 * what {@link FaultSupport} refuses (before touching any path), then hands each path to the
 * mechanism of the backend. Serialised, so that two switches on overlapping links do not
 * interleave.
 */
final class ResolvingLinkFaults implements LinkFaults {
  private final Topology topology;
  private final FaultSupport support;
  private final PathFaults paths;

  ResolvingLinkFaults(Topology topology, FaultSupport support, PathFaults paths) {
    this.topology = topology;
    this.support = support;
    this.paths = paths;
  }

  /** For a mesh that takes no link fault at all. */
  static LinkFaults refusing(Topology topology, FaultSupport support) {
    return new ResolvingLinkFaults(topology, support, PathFaults.NONE);
  }

  @Override
  public FaultSupport support() {
    return support;
  }

  @Override
  public synchronized void apply(Link link, LinkFault fault) {
    supported(link, fault.kind()).forEach(path -> paths.apply(path, fault));
  }

  @Override
  public synchronized void clear(Link link, LinkFaultKind kind) {
    supported(link, kind).forEach(path -> paths.clear(path, kind));
  }

  @Override
  public synchronized void reset(Link link) {
    supported(link, LinkFaultKind.RESET).forEach(paths::reset);
  }

  @Override
  public synchronized void clearAll() {
    paths.clearAll();
  }

  private List<PeerPath> supported(Link link, LinkFaultKind kind) {
    List<PeerPath> resolved = link.paths(topology);
    support
        .refusal(link, kind, topology)
        .ifPresent(
            reason -> {
              throw new FaultsUnavailableException(reason);
            });
    return resolved;
  }
}
