package dev.meshcheck.steps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.topology.Backend;
import dev.meshcheck.topology.LauncherSettings;
import dev.meshcheck.topology.MeshLauncher;
import dev.meshcheck.topology.MeshLaunchers;
import dev.meshcheck.topology.MeshNode;
import dev.meshcheck.topology.MonitorClient;
import dev.meshcheck.topology.NodeState;
import dev.meshcheck.topology.RunningMesh;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Keeps the mesh of the last scenario so that the next scenario of the same feature with the same
 * topology reuses it instead of launching again. A mesh is reused only when its scenario injected
 * no fault and every subscription of that scenario is gone from every node again; otherwise it is
 * closed.
 *
 * <p>Cucumber creates glue objects per scenario, so the pool has to outlive them: {@link #shared()}
 * is the one process-wide instance. It closes its mesh when the run ends ({@link #closeAll()},
 * called from an {@code @AfterAll} hook) and from a JVM shutdown hook, so nothing outlives the JVM.
 * Thread-safe.
 */
public final class MeshPool {
  private static final MeshPool SHARED = new MeshPool();
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(3);

  private final Map<Backend, MeshLauncher> launchers = new EnumMap<>(Backend.class);
  private final MonitorClient monitor = new MonitorClient(Duration.ofSeconds(2));
  private Idle idle;

  private record Idle(Key key, RunningMesh mesh, List<Long> baselineSubscriptions) {}

  /** What must match for a mesh to be reused. */
  record Key(Topology topology, Backend backend, String featureUri) {}

  /** A mesh lent to one scenario; give it back with {@link #release}. */
  public record Lease(Key key, RunningMesh mesh, List<Long> baselineSubscriptions) {}

  private MeshPool() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "meshcheck-mesh-pool"));
  }

  public static MeshPool shared() {
    return SHARED;
  }

  /** A running mesh of {@code topology}: the idle one when it matches, else a new one. */
  public synchronized Lease acquire(Topology topology, RunSettings settings, String featureUri) {
    Backend backend = settings.backend();
    Key key = new Key(topology, backend, featureUri);
    if (idle != null && idle.key().equals(key) && allRunning(idle.mesh())) {
      Lease lease = new Lease(key, idle.mesh(), idle.baselineSubscriptions());
      idle = null;
      return lease;
    }
    closeIdle();
    RunningMesh mesh = launcher(settings).launch(topology);
    return new Lease(key, mesh, subscriptionCounts(mesh));
  }

  /**
   * Takes a mesh back. A disturbed mesh (a fault was injected) is closed; a clean one is kept for
   * the next scenario once every node's subscription count is back to what it was at launch.
   */
  public synchronized void release(Lease lease, boolean disturbed) {
    if (disturbed || !settled(lease)) {
      lease.mesh().close();
      return;
    }
    closeIdle();
    idle = new Idle(lease.key(), lease.mesh(), lease.baselineSubscriptions());
  }

  /** Closes the idle mesh, if any. Safe to call more than once. */
  public synchronized void closeAll() {
    closeIdle();
  }

  private void closeIdle() {
    if (idle != null) {
      idle.mesh().close();
      idle = null;
    }
  }

  private MeshLauncher launcher(RunSettings settings) {
    if (settings.backend() == Backend.EXTERNAL) {
      // URLs may differ between runs; an external launcher is cheap.
      return MeshLaunchers.forBackend(
          Backend.EXTERNAL,
          LauncherSettings.fromEnvironment()
              .withExternalMesh(settings.externalUrls(), settings.externalMonitorUrls()));
    }
    return launchers.computeIfAbsent(
        settings.backend(), b -> MeshLaunchers.forBackend(b, LauncherSettings.fromEnvironment()));
  }

  private static boolean allRunning(RunningMesh mesh) {
    return mesh.nodes().stream().allMatch(n -> n.state() == NodeState.RUNNING);
  }

  /** Interest left over from a scenario would skew the next one's queue groups and counts. */
  private boolean settled(Lease lease) {
    try {
      Awaitility.await()
          .atMost(SETTLE_TIMEOUT)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> isBackToBaseline(lease));
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
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
