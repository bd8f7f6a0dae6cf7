package dev.meshcheck.steps;

import dev.meshcheck.report.ConformanceRecorder;
import dev.meshcheck.report.ScenarioEnvironment;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.scenario.TopologyFiles;
import dev.meshcheck.topology.MeshNode;
import dev.meshcheck.topology.NodeState;
import dev.meshcheck.topology.RunningMesh;
import dev.meshcheck.topology.faults.LinkKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.opentest4j.TestAbortedException;

/**
 * The scenario's mesh, borrowed from the run's {@link MeshPool} by {@code Given a "..." mesh} and
 * given back when the scenario ends: kept for the next scenario of the feature, or closed when a
 * step injected a fault ({@link #markDisturbed}). Nodes are named as features name them: {@code
 * "2"} or {@code "west-1"}. Not thread-safe: steps run on one thread.
 */
public final class MeshLease implements AutoCloseable {
  private final RunSettings settings;
  private final MeshPool pool;
  private final ScenarioContext scenario;
  private final ConformanceRecorder recorder;
  private MeshPool.Lease lease;
  private String disturbedBy = "";

  public MeshLease(
      RunSettings settings, MeshPool pool, ScenarioContext scenario, ConformanceRecorder recorder) {
    this.settings = settings;
    this.pool = pool;
    this.scenario = scenario;
    this.recorder = recorder;
  }

  /**
   * Brings up (or reuses) a mesh of the named topology, or of the run's override. Aborts the
   * scenario (skipped, with the reason) when the mesh lacks what the scenario's tags need.
   */
  public RunningMesh use(String topologyNameOrPath) {
    if (lease != null) {
      throw new IllegalStateException(
          "this scenario already has a mesh: " + mesh().topology().name());
    }
    String chosen = settings.topologyOverride().orElse(topologyNameOrPath);
    Topology topology = TopologyFiles.resolve(chosen, settings.layout());
    // A skip that the topology file decides costs no launch (seconds per mesh on containers).
    Capabilities.missingBeforeLaunch(scenario.tags(), topology, pool.backend())
        .ifPresent(
            reason -> {
              recorder.environment(
                  scenario.id(),
                  new ScenarioEnvironment(topology.name(), pool.backend().cliName(), ""));
              throw new TestAbortedException("skipped: " + reason);
            });
    lease = pool.acquire(topology, faultableLinks(topology));
    RunningMesh mesh = lease.mesh();
    recorder.environment(
        scenario.id(),
        new ScenarioEnvironment(topology.name(), mesh.backend().cliName(), mesh.serverVersion()));
    Capabilities.missing(scenario.tags(), topology, mesh.backend(), mesh.serverVersion())
        .ifPresent(
            reason -> {
              throw new TestAbortedException("skipped: " + reason);
            });
    return mesh;
  }

  /**
   * A scenario tagged {@code @link-faults} gets a mesh whose every link kind takes link faults (on
   * the processes backend, proxies on every link, which add a little latency); others get none.
   */
  private Set<LinkKind> faultableLinks(Topology topology) {
    if (!scenario.tags().contains(Capabilities.LINK_FAULTS)) {
      return Set.of();
    }
    Set<LinkKind> kinds = EnumSet.of(LinkKind.ROUTE, LinkKind.CLIENT);
    if (topology.hasGateways()) {
      kinds.add(LinkKind.GATEWAY);
    }
    if (topology.hasLeafNodes()) {
      kinds.add(LinkKind.LEAF);
    }
    return kinds;
  }

  /** The scenario's mesh; fails when no {@code Given a "..." mesh} step ran. */
  public RunningMesh mesh() {
    if (lease == null) {
      throw new IllegalStateException(
          "no mesh yet: start the scenario with a step like Given a \"cluster-3\" mesh");
    }
    return lease.mesh();
  }

  public boolean hasMesh() {
    return lease != null;
  }

  public MeshNode node(String nodeName) {
    return mesh().node(nodeName);
  }

  /** Node numbers ("1", "2", ...) of the nodes that run now. */
  public List<String> runningNodeNames() {
    return mesh().nodes().stream()
        .filter(n -> n.state() == NodeState.RUNNING)
        .map(n -> String.valueOf(n.number()))
        .toList();
  }

  /** After a fault the mesh is closed at the end of the scenario instead of being reused. */
  public void markDisturbed(String why) {
    disturbedBy = why;
  }

  /** Gives the mesh back to the pool (closed if a fault was injected). */
  @Override
  public void close() {
    if (lease != null) {
      pool.release(lease, !disturbedBy.isEmpty());
      lease = null;
    }
  }
}
