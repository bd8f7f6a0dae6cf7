package dev.meshcheck.topology;

import dev.meshcheck.scenario.Topology;
import dev.meshcheck.topology.faults.LinkFaults;
import dev.meshcheck.topology.tls.MeshCertificates;
import java.util.List;
import java.util.Optional;

/** A mesh of local nats-server processes; close kills them and deletes the run folder. */
final class ProcessMesh implements RunningMesh {
  private final Topology topology;
  private final List<ProcessNode> nodes;
  private final RunFolder folder;
  private final ProcessLinks links;
  private final LinkFaults linkFaults;
  private final MeshReadiness readiness;
  private final ShutdownGuard guard;
  private final Optional<MeshCertificates> certificates;
  private boolean closed;

  ProcessMesh(
      Topology topology,
      List<ProcessNode> nodes,
      RunFolder folder,
      ProcessLinks links,
      Optional<MeshCertificates> certificates) {
    this.topology = topology;
    this.certificates = certificates;
    this.nodes = List.copyOf(nodes);
    this.folder = folder;
    this.links = links;
    this.linkFaults = links.faults();
    this.readiness =
        new MeshReadiness(
            topology,
            spec -> this.nodes.get(spec.number() - 1).monitorUrl(),
            spec -> this.nodes.get(spec.number() - 1).state() == NodeState.RUNNING);
    this.nodes.forEach(node -> node.useReadiness(readiness));
    this.guard = ShutdownGuard.arm("processes-" + topology.name(), this::stopEverything);
  }

  List<ProcessNode> processNodes() {
    return nodes;
  }

  MeshReadiness readiness() {
    return readiness;
  }

  @Override
  public Topology topology() {
    return topology;
  }

  @Override
  public Backend backend() {
    return Backend.PROCESSES;
  }

  @Override
  public ClientAccess clientAccess() {
    return ClientAccess.LOOPBACK;
  }

  @Override
  public List<MeshNode> nodes() {
    return List.copyOf(nodes);
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
    return Optional.empty();
  }

  @Override
  public void close() {
    guard.disarm();
    stopEverything();
  }

  private synchronized void stopEverything() {
    if (closed) {
      return;
    }
    closed = true;
    // Kill rather than drain: nothing of a test mesh is worth the lame-duck wait.
    nodes.forEach(ProcessNode::kill);
    links.close();
    folder.close();
  }
}
