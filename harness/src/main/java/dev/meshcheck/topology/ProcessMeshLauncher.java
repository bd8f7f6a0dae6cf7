package dev.meshcheck.topology;

import dev.meshcheck.scenario.NodeSpec;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.topology.faults.FaultSupport;
import dev.meshcheck.topology.faults.LinkKind;
import dev.meshcheck.topology.tls.MeshCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Launches each node as a local nats-server process listening on 127.0.0.1 with free ports, its
 * config, log, pid file and JetStream store in a {@link RunFolder}. Servers left by a harness that
 * was killed are stopped when a launcher is made ({@link Leftovers}), not in each launch.
 */
final class ProcessMeshLauncher implements MeshLauncher {
  private final Path natsServer;
  private final Duration readyTimeout;
  private final Path runParent;

  ProcessMeshLauncher(Path natsServer, Duration readyTimeout, Path runParent) {
    this.natsServer = natsServer;
    this.readyTimeout = readyTimeout;
    this.runParent = runParent;
  }

  @Override
  public Backend backend() {
    return Backend.PROCESSES;
  }

  // A port is taken only in a race with another program; twice in a row would be a third program.
  private static final int LAUNCH_ATTEMPTS = 3;

  @Override
  public FaultSupport linkFaultSupport() {
    return ProcessLinks.SUPPORT;
  }

  @Override
  public RunningMesh launch(Topology topology, Set<LinkKind> faultableLinks) {
    for (int attempt = 1; ; attempt++) {
      try {
        return launchOnce(topology, faultableLinks);
      } catch (MeshStartException e) {
        if (attempt >= LAUNCH_ATTEMPTS || !aPortWasTaken(e)) {
          throw e;
        }
        // Another program bound a port between FreePorts' check and the server's bind: the failed
        // launch is closed, and the next one gets new ports.
      }
    }
  }

  /** Whether a launch failed because a node could not bind one of its ports. */
  static boolean aPortWasTaken(MeshStartException failure) {
    String message = String.valueOf(failure.getMessage());
    return message.contains("Error listening on port")
        && message.contains("address already in use");
  }

  private RunningMesh launchOnce(Topology topology, Set<LinkKind> faultableLinks) {
    RunFolder folder = RunFolder.create(runParent, topology.name());
    Map<Integer, NodeEndpoints> endpoints = new HashMap<>();
    Function<NodeSpec, NodeEndpoints> endpointOf = node -> endpoints.get(node.number());
    // Proxies bind their ports first: FreePorts releases the ports it picks for the nodes, and a
    // proxy opened after it could take one of them before its nats-server binds it.
    ProcessLinks links = null;
    ProcessMesh mesh;
    ServerConfigWriter writer;
    try {
      links = ProcessLinks.open(topology, faultableLinks, endpointOf);
      endpoints.putAll(allocateEndpoints(topology));
      Optional<MeshCertificates> certificates = certificatesFor(topology);
      Optional<TlsFiles> tls = certificates.map(c -> TlsFiles.write(c, folder.file("tls")));
      writer = new ServerConfigWriter(topology, endpointOf, links, tls);
      List<ProcessNode> nodes = nodes(topology, folder, endpointOf, links, writer);
      mesh = new ProcessMesh(topology, nodes, folder, links, certificates);
    } catch (RuntimeException e) {
      if (links != null) {
        links.close();
      }
      folder.close();
      throw e;
    }
    List<ProcessNode> nodes = mesh.processNodes();
    try {
      nodes.forEach(ProcessNode::start);
      mesh.readiness().awaitMesh(readyTimeout, () -> nodes.forEach(ProcessNode::checkAlive));
      return mesh;
    } catch (MeshStartException e) {
      mesh.close();
      throw writer.explain(e);
    } catch (RuntimeException e) {
      mesh.close();
      throw e;
    }
  }

  /** Every node listens and dials on loopback, so one certificate names 127.0.0.1 and localhost. */
  private static Optional<MeshCertificates> certificatesFor(Topology topology) {
    if (!topology.tls()) {
      return Optional.empty();
    }
    return Optional.of(MeshCertificates.create(List.of("127.0.0.1", "localhost")));
  }

  /** Writes each node's config into {@code folder}; clients dial proxies where links have them. */
  private List<ProcessNode> nodes(
      Topology topology,
      RunFolder folder,
      Function<NodeSpec, NodeEndpoints> endpointOf,
      ProcessLinks links,
      ServerConfigWriter writer) {
    List<ProcessNode> nodes = new ArrayList<>();
    for (NodeSpec spec : topology.nodes()) {
      Path config = folder.file(spec.name() + ".conf");
      Path store = folder.file(spec.name() + "-jetstream");
      folder.write(config, writer.render(spec, store.toString()));
      NodeEndpoints asClientsSeeIt =
          links
              .clientProxyPort(spec)
              .map(endpointOf.apply(spec)::withClientPort)
              .orElse(endpointOf.apply(spec));
      nodes.add(new ProcessNode(spec, asClientsSeeIt, natsServer, config, folder, topology.tls()));
    }
    return nodes;
  }

  private static Map<Integer, NodeEndpoints> allocateEndpoints(Topology topology) {
    List<NodeSpec> specs = topology.nodes();
    int[] ports = FreePorts.onLoopback(specs.size() * 5);
    Map<Integer, NodeEndpoints> endpoints = new HashMap<>();
    for (int i = 0; i < specs.size(); i++) {
      int p = i * 5;
      endpoints.put(
          specs.get(i).number(),
          new NodeEndpoints(
              "127.0.0.1",
              "127.0.0.1",
              ports[p],
              ports[p + 1],
              ports[p + 2],
              ports[p + 3],
              ports[p + 4]));
    }
    return endpoints;
  }

  static boolean isUsable(Path natsServer) {
    return Files.isExecutable(natsServer);
  }
}
