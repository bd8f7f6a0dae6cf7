package dev.meshcheck.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshcheck.scenario.BadInputException;
import dev.meshcheck.scenario.LoadScenario;
import dev.meshcheck.scenario.LoadScenarioFiles;
import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.topology.Backend;
import dev.meshcheck.topology.MeshLauncher;
import dev.meshcheck.topology.RunningMesh;
import dev.meshcheck.topology.faults.FaultSupport;
import dev.meshcheck.topology.faults.LinkFaultKind;
import dev.meshcheck.topology.faults.LinkKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A timeline checked against a backend before anything starts: what to launch, what to refuse. */
class FaultPlanTest {
  private final ProjectLayout layout = ProjectLayout.discover();
  @TempDir Path dir;

  /** A launcher that launches nothing: partitions everywhere, latency on client links only. */
  private static MeshLauncher partitionsOnly(Backend backend) {
    return new MeshLauncher() {
      @Override
      public Backend backend() {
        return backend;
      }

      @Override
      public RunningMesh launch(Topology topology, Set<LinkKind> faultableLinks) {
        throw new AssertionError("a plan launches nothing");
      }

      @Override
      public FaultSupport linkFaultSupport() {
        return new FaultSupport(
            backend.cliName(),
            Map.of(
                LinkKind.ROUTE, EnumSet.of(LinkFaultKind.BLACKHOLE),
                LinkKind.GATEWAY, EnumSet.of(LinkFaultKind.BLACKHOLE),
                LinkKind.CLIENT, EnumSet.of(LinkFaultKind.LATENCY, LinkFaultKind.RESET)),
            "a test's launcher",
            EnumSet.allOf(LinkKind.class));
      }
    };
  }

  @Test
  void theMeshIsLaunchedForExactlyTheLinkKindsTheTimelineFaults() throws Exception {
    LoadScenario scenario =
        scenario(
            "  - { at: 1s, action: kill, node: 1 }\n"
                + "  - { at: 2s, action: partition, link: gateway east west }\n"
                + "  - { at: 3s, action: latency, link: clients 2, latency: 5ms }\n");
    assertThat(FaultPlan.linkKindsFor(scenario, partitionsOnly(Backend.CONTAINERS)))
        .containsExactlyInAnyOrder(LinkKind.GATEWAY, LinkKind.CLIENT);
    assertThat(
            FaultPlan.linkKindsFor(
                scenario("  - { at: 1s, action: kill, node: 1 }\n"),
                partitionsOnly(Backend.CONTAINERS)))
        .as("node faults need no proxies")
        .isEmpty();
    assertThat(
            FaultPlan.linkKindsFor(
                scenario("  - { at: 1s, action: partition, node: 1 }\n"),
                partitionsOnly(Backend.CONTAINERS)))
        .as("a node cut off from the others: its routes and gateways")
        .containsExactlyInAnyOrder(LinkKind.ROUTE, LinkKind.GATEWAY);
  }

  @Test
  void aFaultTheBackendCannotDoIsBadInputNamingStepFaultAndBackend() throws Exception {
    LoadScenario scenario =
        scenario("  - { at: 1s, action: latency, link: route 1 2, latency: 20ms }\n");
    assertThatThrownBy(() -> FaultPlan.linkKindsFor(scenario, partitionsOnly(Backend.CONTAINERS)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(scenario.file() + ":5")
        .hasMessageContaining("faults[0].link")
        .hasMessageContaining("cannot apply 'latency 20ms on route 1 2'")
        .hasMessageContaining("the containers backend cannot inject added latency on route links");
  }

  @Test
  void aLinkTheTopologyDoesNotHaveIsBadInput() throws Exception {
    LoadScenario scenario = scenario("  - { at: 1s, action: partition, link: route 1 4 }\n");
    assertThatThrownBy(() -> FaultPlan.linkKindsFor(scenario, partitionsOnly(Backend.PROCESSES)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("faults[0].link")
        .hasMessageContaining("a route joins two members of one cluster");
  }

  @Test
  void anExternalMeshTakesNoNodeFault() throws Exception {
    LoadScenario scenario =
        scenario(
            "  - { at: 1s, action: pause, node: 2 }\n  - { at: 2s, action: resume, node: 2 }\n");
    assertThatThrownBy(() -> FaultPlan.linkKindsFor(scenario, partitionsOnly(Backend.EXTERNAL)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(
            "cannot apply 'pause node 2': the external backend cannot pause a node");
  }

  private LoadScenario scenario(String faults) throws Exception {
    Path file = Files.createTempFile(dir, "scenario", ".yaml");
    Files.writeString(
        file,
        """
        name: f
        topology: supercluster-2x3
        workload: { kind: request-reply, subject: a.b, service: { members: 1 }, clients: 1, rate: 10/s, warmup: 1s, duration: 10s }
        faults:
        """
            + faults);
    return LoadScenarioFiles.load(file, layout);
  }
}
