package dev.meshcheck.topology;

import dev.meshcheck.scenario.BadInputException;
import dev.meshcheck.scenario.NodeSpec;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.topology.faults.FaultSupport;
import dev.meshcheck.topology.faults.LinkFaults;
import dev.meshcheck.topology.faults.LinkKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "Launches" a mesh that already runs: its nodes are the given client URLs (and monitoring URLs,
 * when known). Nothing is started or stopped; faults are refused with the reason.
 */
final class ExternalMeshLauncher implements MeshLauncher {
  static final String NO_FAULTS =
      "faults need a mesh the harness launched; this one is external (--url)";

  private final List<String> clientUrls;
  private final List<String> monitorUrls;
  private final Duration readyTimeout;

  ExternalMeshLauncher(List<String> clientUrls, List<String> monitorUrls, Duration readyTimeout) {
    if (clientUrls.isEmpty()) {
      throw BadInputException.option("--backend", "external needs the mesh's client URLs (--url)");
    }
    if (!monitorUrls.isEmpty() && monitorUrls.size() != clientUrls.size()) {
      throw BadInputException.option(
          "--monitor-url",
          "give one monitoring URL per client URL, or none: "
              + clientUrls.size()
              + " client URLs, "
              + monitorUrls.size()
              + " monitoring URLs");
    }
    this.clientUrls = List.copyOf(clientUrls);
    this.monitorUrls = List.copyOf(monitorUrls);
    this.readyTimeout = readyTimeout;
  }

  @Override
  public Backend backend() {
    return Backend.EXTERNAL;
  }

  @Override
  public FaultSupport linkFaultSupport() {
    return FaultSupport.none(Backend.EXTERNAL.cliName(), NO_FAULTS);
  }

  /** Every client URL greets as a NATS server does, and every monitoring URL listens. */
  @Override
  public void requireReachable() {
    clientUrls.forEach(ExternalUrls::requireNatsServer);
    monitorUrls.forEach(ExternalUrls::requireListening);
  }

  /**
   * Uses {@code topology}'s node names when it has as many nodes as there are URLs; otherwise the
   * nodes are a cluster named "external".
   */
  @Override
  public RunningMesh launch(Topology topology, Set<LinkKind> faultableLinks) {
    Topology described = described(topology, clientUrls.size());
    List<MeshNode> nodes = new ArrayList<>();
    for (NodeSpec spec : described.nodes()) {
      Optional<URI> monitor =
          monitorUrls.isEmpty()
              ? Optional.empty()
              : Optional.of(URI.create(monitorUrls.get(spec.number() - 1)));
      nodes.add(new ExternalNode(spec, clientUrls.get(spec.number() - 1), monitor));
    }
    if (!monitorUrls.isEmpty()) {
      new MeshReadiness(described, spec -> nodes.get(spec.number() - 1).monitorUrl())
          .awaitMesh(readyTimeout);
    }
    return new ExternalMesh(described, nodes);
  }

  /**
   * The topology an external mesh of {@code urlCount} nodes stands for: {@code topology} when it
   * has that many nodes, else a cluster named "external".
   */
  static Topology described(Topology topology, int urlCount) {
    return topology.nodeCount() == urlCount ? topology : Topology.cluster("external", urlCount);
  }

  private record ExternalMesh(Topology topology, List<MeshNode> nodes) implements RunningMesh {
    @Override
    public Backend backend() {
      return Backend.EXTERNAL;
    }

    @Override
    public ClientAccess clientAccess() {
      return ClientAccess.EXTERNAL;
    }

    @Override
    public Optional<String> image() {
      return Optional.empty();
    }

    @Override
    public LinkFaults linkFaults() {
      return ResolvingLinkFaults.refusing(
          topology, FaultSupport.none(Backend.EXTERNAL.cliName(), NO_FAULTS));
    }

    @Override
    public void close() {
      // Not ours to stop.
    }
  }

  private record ExternalNode(NodeSpec spec, String clientUrl, Optional<URI> monitor)
      implements MeshNode {
    @Override
    public URI monitorUrl() {
      return monitor.orElseThrow(
          () ->
              new IllegalStateException(
                  "no monitoring URL was given for node " + spec.name() + " (--monitor-url)"));
    }

    @Override
    public ServerInfo serverInfo() {
      if (monitor.isEmpty()) {
        return new ServerInfo("unknown", spec.name(), "unknown");
      }
      try {
        return new MonitorClient(Duration.ofSeconds(2)).serverInfo(monitor.get());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public NodeState state() {
      return NodeState.RUNNING;
    }

    @Override
    public void kill() {
      throw new FaultsUnavailableException(NO_FAULTS);
    }

    @Override
    public void stop() {
      throw new FaultsUnavailableException(NO_FAULTS);
    }

    @Override
    public void restart() {
      throw new FaultsUnavailableException(NO_FAULTS);
    }

    @Override
    public void pause() {
      throw new FaultsUnavailableException(NO_FAULTS);
    }

    @Override
    public void resume() {
      throw new FaultsUnavailableException(NO_FAULTS);
    }

    @Override
    public void enterLameDuckMode() {
      throw new FaultsUnavailableException(NO_FAULTS);
    }
  }
}
