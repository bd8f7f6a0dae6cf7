package dev.meshcheck.topology;

import dev.meshcheck.scenario.Topology;
import dev.meshcheck.topology.faults.FaultSupport;
import dev.meshcheck.topology.faults.LinkKind;
import java.util.Set;

/**
 * Brings up a mesh of a {@link Topology} and returns it once it is ready: every node healthy and
 * every route, gateway and leaf link of the topology established.
 *
 * <pre>{@code
 * MeshLauncher launcher = MeshLaunchers.forBackend(Backend.AUTO, LauncherSettings.fromEnvironment());
 * try (RunningMesh mesh = launcher.launch(topology);
 *     Connection nc = Nats.connect(mesh.node(1).clientUrl())) {
 *   ...
 * }
 * }</pre>
 *
 * Launchers are thread-safe; each launch returns a mesh of its own, which the caller closes.
 */
public interface MeshLauncher {
  /** The concrete backend (never {@link Backend#AUTO}). */
  Backend backend();

  /**
   * Starts every node and waits until the mesh is ready. Its links take no fault: {@code
   * launch(topology, Set.of())}.
   *
   * @throws MeshStartException when a node does not start or the mesh does not form in time; any
   *     node already started is stopped first
   */
  default RunningMesh launch(Topology topology) {
    return launch(topology, Set.of());
  }

  /**
   * As {@link #launch(Topology)}, with the links of {@code faultableLinks} made ready for faults
   * ({@link RunningMesh#linkFaults()}). On the processes backend this puts proxies on those links,
   * which add a little latency even with no fault set, so ask only for the kinds a run will fault.
   */
  RunningMesh launch(Topology topology, Set<LinkKind> faultableLinks);

  /**
   * Which link faults this backend can inject, asked before a run starts: a mesh launched for
   * {@code kinds} supports {@code linkFaultSupport().launchedFor(kinds)}.
   */
  FaultSupport linkFaultSupport();

  /**
   * Fails at once when the mesh cannot be reached, so that a command can say so before it writes
   * anything; a launcher that starts its own mesh has nothing to reach yet.
   *
   * @throws dev.meshcheck.scenario.BadInputException naming the address given and what was seen
   */
  default void requireReachable() {}
}
