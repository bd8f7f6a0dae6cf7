package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.scenario.TopologyFiles;
import dev.meshcheck.topology.faults.Link;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The external backend reaches a mesh it did not start, describes it, and refuses to inject faults.
 */
class ExternalMeshIT {
  private static final ProjectLayout LAYOUT = ProjectLayout.discover();

  @Test
  void externalMeshUsesTheGivenUrlsAndRefusesFaults() {
    LauncherSettings settings = LauncherSettings.fromEnvironment();
    Topology topology = TopologyFiles.resolve("cluster-3", LAYOUT);
    try (RunningMesh launched =
        MeshLaunchers.forBackend(Backend.PROCESSES, settings).launch(topology)) {
      List<String> clientUrls = launched.nodes().stream().map(MeshNode::clientUrl).toList();
      List<String> monitorUrls =
          launched.nodes().stream().map(n -> n.monitorUrl().toString()).toList();

      MeshLauncher launcher =
          MeshLaunchers.forBackend(
              Backend.EXTERNAL, settings.withExternalMesh(clientUrls, monitorUrls));
      launcher.requireReachable();
      RunningMesh external = launcher.launch(topology);

      assertThat(external.clientAccess()).isEqualTo(ClientAccess.EXTERNAL);
      assertThat(external.node("east-2").clientUrl()).isEqualTo(clientUrls.get(1));
      assertThat(external.serverVersion()).isEqualTo(launched.serverVersion());
      assertThatThrownBy(() -> external.node(1).kill())
          .isInstanceOf(FaultsUnavailableException.class)
          .hasMessageContaining("external");
      assertThatThrownBy(() -> external.linkFaults().partition(Link.route("1", "2")))
          .isInstanceOf(FaultsUnavailableException.class)
          .hasMessageContaining("external");
      external.close();
      assertThat(launched.node(1).state())
          .as("closing an external mesh leaves it running")
          .isEqualTo(NodeState.RUNNING);
    }
  }
}
