package dev.meshcheck.topology;

import dev.meshcheck.scenario.Topology;

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
   * Starts every node and waits until the mesh is ready.
   *
   * @throws MeshStartException when a node does not start or the mesh does not form in time; any
   *     node already started is stopped first
   */
  RunningMesh launch(Topology topology);
}
