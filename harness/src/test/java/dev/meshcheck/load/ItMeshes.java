package dev.meshcheck.load;

import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.scenario.TopologyFiles;
import dev.meshcheck.topology.Backend;
import dev.meshcheck.topology.LauncherSettings;
import dev.meshcheck.topology.MeshLaunchers;
import dev.meshcheck.topology.RunningMesh;

/** Launches topologies on the backend the build asks for ({@code -Dmeshcheck.backend}). */
final class ItMeshes {
  private ItMeshes() {}

  static RunningMesh launch(String topologyName) {
    Topology topology = TopologyFiles.resolve(topologyName, ProjectLayout.discover());
    Backend backend = Backend.parse(System.getProperty("meshcheck.backend", "auto"));
    return MeshLaunchers.forBackend(backend, LauncherSettings.fromEnvironment()).launch(topology);
  }

  /**
   * Progress that kills the nodes {@code nodeNumbers} once, a second into the measured phase, and
   * sets {@code killed} when it did.
   */
  static LoadProgress killingNodesOneSecondIntoMeasure(
      RunningMesh mesh, java.util.concurrent.atomic.AtomicBoolean killed, int... nodeNumbers) {
    return (phase, elapsed, total, interval) -> {
      if (phase == LoadProgress.Phase.MEASURE
          && elapsed >= 1
          && killed.compareAndSet(false, true)) {
        for (int node : nodeNumbers) {
          mesh.node(node).kill();
        }
      }
    };
  }
}
