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
}
