package dev.meshcheck.topology;

import dev.meshcheck.scenario.Topology;
import dev.meshcheck.topology.faults.LinkFaults;
import dev.meshcheck.topology.tls.MeshCertificates;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.testcontainers.containers.Network;

/**
 * A mesh of nats-server containers on a private network. Closing it (or the JVM exiting without
 * closing it) removes every container of the run and the network, found by the run's label so that
 * containers created by a launch that failed half-way go too.
 */
final class ContainerMesh implements RunningMesh {
  private static final Duration ACCESS_PROBE_TIMEOUT = Duration.ofMillis(500);

  private final Topology topology;
  private final String image;
  private final String runId;
  private final Network network;
  private final List<ContainerNode> nodes;
  private final ContainerReaper reaper;
  private final ContainerLinks links;
  private final LinkFaults linkFaults;
  private final MeshReadiness readiness;
  private final ShutdownGuard guard;
  private final Optional<MeshCertificates> certificates;
  private volatile ClientAccess clientAccess = ClientAccess.CONTAINER_ADDRESS;
  private static final Duration SHUTDOWN_REMOVAL_WAIT = Duration.ofSeconds(10);

  private boolean closed;

  ContainerMesh(
      Topology topology,
      String image,
      String runId,
      Network network,
      List<ContainerNode> nodes,
      ContainerReaper reaper,
      ContainerLinks links,
      Optional<MeshCertificates> certificates) {
    this.certificates = certificates;
    this.topology = topology;
    this.image = image;
    this.runId = runId;
    this.network = network;
    this.nodes = List.copyOf(nodes);
    this.reaper = reaper;
    this.links = links;
    this.linkFaults = links.faults();
    this.readiness =
        new MeshReadiness(
            topology,
            spec -> this.nodes.get(spec.number() - 1).monitorUrl(),
            spec -> this.nodes.get(spec.number() - 1).recordedState() == NodeState.RUNNING);
    this.nodes.forEach(node -> node.useReadiness(readiness));
    this.guard = ShutdownGuard.arm("containers-" + runId, this::removeOnJvmExit);
  }

  /**
   * Starts every container side by side, finds how the host reaches them, and waits until the mesh
   * has formed.
   *
   * @param localDaemon whether Docker runs on this host, so that container addresses may be
   *     routable
   */
  void start(Duration readyTimeout, boolean localDaemon) {
    ParallelTasks.runAll(
        "start " + topology.name(), nodes.stream().map(n -> (Runnable) n::start).toList());
    clientAccess = nodes.get(0).address().bestAccess(localDaemon, ACCESS_PROBE_TIMEOUT);
    nodes.forEach(node -> node.useAccess(clientAccess));
    readiness.awaitMesh(readyTimeout, () -> nodes.forEach(ContainerNode::checkRunning));
  }

  String runId() {
    return runId;
  }

  @Override
  public Topology topology() {
    return topology;
  }

  @Override
  public Backend backend() {
    return Backend.CONTAINERS;
  }

  @Override
  public ClientAccess clientAccess() {
    return clientAccess;
  }

  @Override
  public List<MeshNode> nodes() {
    return List.copyOf(nodes);
  }

  List<ContainerNode> containerNodes() {
    return nodes;
  }

  @Override
  public LinkFaults linkFaults() {
    return linkFaults;
  }

  @Override
  public Optional<MeshCertificates> certificates() {
    return certificates;
  }

  @Override
  public Optional<String> image() {
    return Optional.of(image);
  }

  @Override
  public void close() {
    guard.disarm();
    removeEverything();
  }

  // Without Ryuk, Testcontainers' own exit hook removes the containers of its session at the same
  // moment as this one; removing them here as well makes the two trip over each other (409 and 404
  // stack traces in its thread). So let it, wait until they are gone, and remove only what is left,
  // then the network, which is ours alone.
  private synchronized void removeOnJvmExit() {
    if (!closed && TestcontainersDefaults.ryukDisabled()) {
      reaper.awaitContainersGone(runId, SHUTDOWN_REMOVAL_WAIT);
    }
    removeEverything();
  }

  private synchronized void removeEverything() {
    if (closed) {
      return;
    }
    closed = true;
    links.close();
    // Force-remove rather than stop: nothing of a test mesh is worth the lame-duck wait.
    reaper.removeContainersOf(runId);
    try {
      network.close();
    } catch (RuntimeException e) {
      // Swept by label just below; an error here must not hide why a launch failed.
    }
    reaper.removeNetworksOf(runId);
  }
}
