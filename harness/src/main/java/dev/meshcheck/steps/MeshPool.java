package dev.meshcheck.steps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.topology.Backend;
import dev.meshcheck.topology.MeshLauncher;
import dev.meshcheck.topology.MeshLaunchers;
import dev.meshcheck.topology.MeshNode;
import dev.meshcheck.topology.MonitorClient;
import dev.meshcheck.topology.NodeState;
import dev.meshcheck.topology.RunningMesh;
import dev.meshcheck.topology.faults.LinkKind;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps the meshes of finished scenarios so that a later scenario with the same topology reuses one
 * instead of launching again (a container mesh takes seconds to launch and close), across features
 * too. A mesh is kept only when its scenario injected no fault and every subscription of that
 * scenario is gone from every node again; otherwise it is closed. At most {@value #MAX_IDLE} meshes
 * are kept, the one used longest ago is closed first.
 *
 * <p>One pool per run, made and closed by {@link FeatureRun}, and given to each scenario's {@link
 * MeshLease} by {@link GlueFactory}: it outlives the per-scenario glue objects, and two runs in one
 * JVM have their own. Closing it closes the idle meshes. Thread-safe.
 */
public final class MeshPool implements AutoCloseable {
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(3);

  /** Features run in file order and a few topologies alternate (a feature may use three). */
  static final int MAX_IDLE = 3;

  private final RunSettings settings;
  private MeshLauncher launcher;
  private final MonitorClient monitor = new MonitorClient(Duration.ofSeconds(2));
  private final Map<Key, Lease> idle = new LinkedHashMap<>();

  /** What must match for a mesh to be reused. */
  record Key(Topology topology, Set<LinkKind> faultableLinks) {}

  /** A mesh lent to one scenario; give it back with {@link #release}. */
  record Lease(Key key, RunningMesh mesh, List<Long> baselineSubscriptions) {}

  public MeshPool(RunSettings settings) {
    this.settings = settings;
  }

  /**
   * A running mesh of {@code topology} whose {@code faultableLinks} take link faults: an idle one
   * when one matches, else a new one.
   */
  synchronized Lease acquire(Topology topology, Set<LinkKind> faultableLinks) {
    Key key = new Key(topology, Set.copyOf(faultableLinks));
    Lease kept = idle.remove(key);
    if (kept != null && allRunning(kept.mesh())) {
      return kept;
    }
    if (kept != null) {
      kept.mesh().close();
    }
    RunningMesh mesh = launcher().launch(topology, faultableLinks);
    return new Lease(key, mesh, subscriptionCounts(mesh));
  }

  /**
   * Takes a mesh back. A disturbed mesh (a fault was injected) is closed; a clean one is kept for
   * later scenarios once every node's subscription count is back to what it was at launch.
   */
  synchronized void release(Lease lease, boolean disturbed) {
    if (disturbed || !settled(lease)) {
      lease.mesh().close();
      return;
    }
    Lease replaced = idle.put(lease.key(), lease);
    if (replaced != null && replaced.mesh() != lease.mesh()) {
      replaced.mesh().close();
    }
    if (idle.size() > MAX_IDLE) {
      Key eldest = idle.keySet().iterator().next();
      idle.remove(eldest).mesh().close();
    }
  }

  /** Closes the idle meshes, if any. Safe to call more than once. */
  @Override
  public synchronized void close() {
    idle.values().forEach(lease -> lease.mesh().close());
    idle.clear();
  }

  /** The backend meshes are launched on: the run's, with {@code auto} resolved. */
  synchronized Backend backend() {
    return launcher().backend();
  }

  // Made on first use: a run whose scenarios are all filtered out needs no backend at all.
  private MeshLauncher launcher() {
    if (launcher == null) {
      launcher = MeshLaunchers.forBackend(settings.backend(), settings.launcher());
    }
    return launcher;
  }

  private static boolean allRunning(RunningMesh mesh) {
    return mesh.nodes().stream().allMatch(n -> n.state() == NodeState.RUNNING);
  }

  /** Interest left over from a scenario would skew the next one's queue groups and counts. */
  private boolean settled(Lease lease) {
    return Waits.within(SETTLE_TIMEOUT, () -> isBackToBaseline(lease));
  }

  private boolean isBackToBaseline(Lease lease) {
    List<Long> now = subscriptionCounts(lease.mesh());
    for (int i = 0; i < now.size(); i++) {
      if (now.get(i) < 0 || now.get(i) > lease.baselineSubscriptions().get(i)) {
        return false;
      }
    }
    return true;
  }

  private List<Long> subscriptionCounts(RunningMesh mesh) {
    List<Long> counts = new ArrayList<>();
    for (MeshNode node : mesh.nodes()) {
      counts.add(subscriptionCount(node));
    }
    return counts;
  }

  private long subscriptionCount(MeshNode node) {
    try {
      JsonNode subsz = monitor.json(Objects.requireNonNull(node.monitorUrl()), "/subsz");
      return subsz.path("num_subscriptions").asLong(-1);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
