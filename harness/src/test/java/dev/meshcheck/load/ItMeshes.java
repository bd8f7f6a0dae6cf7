package dev.meshcheck.load;

import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.scenario.TopologyFiles;
import dev.meshcheck.topology.Backend;
import dev.meshcheck.topology.LauncherSettings;
import dev.meshcheck.topology.MeshLaunchers;
import dev.meshcheck.topology.RunningMesh;
import java.util.ArrayList;
import java.util.List;

/** Launches topologies on the backend the build asks for ({@code -Dmeshcheck.backend}). */
final class ItMeshes {
  private ItMeshes() {}

  static RunningMesh launch(String topologyName) {
    Topology topology = TopologyFiles.resolve(topologyName, ProjectLayout.discover());
    Backend backend = Backend.parse(System.getProperty("meshcheck.backend", "auto"));
    return MeshLaunchers.forBackend(backend, LauncherSettings.fromEnvironment()).launch(topology);
  }

  /**
   * Kills the nodes at the same time. One after the other (a container's kill takes about half a
   * second), a client of the first could reconnect to the second just before it died, and jnats
   * once never noticed that second loss in the 4 s the run had left (ReconnectIT on a fresh clone).
   */
  private static void killTogether(RunningMesh mesh, int... nodeNumbers) {
    List<Thread> kills = new ArrayList<>();
    for (int node : nodeNumbers) {
      Thread kill = new Thread(() -> mesh.node(node).kill(), "kill-node-" + node);
      kill.start();
      kills.add(kill);
    }
    for (Thread kill : kills) {
      try {
        kill.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
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
        killTogether(mesh, nodeNumbers);
      }
    };
  }
}
