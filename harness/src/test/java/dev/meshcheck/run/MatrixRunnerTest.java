package dev.meshcheck.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshcheck.scenario.BadInputException;
import dev.meshcheck.scenario.LoadScenario;
import dev.meshcheck.scenario.LoadScenarioFiles;
import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.scenario.TopologyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matrix plan: rounds interleaved, placement checked on every topology before anything runs.
 */
class MatrixRunnerTest {
  private final ProjectLayout layout = ProjectLayout.discover();
  @TempDir Path dir;

  @Test
  void roundsAreInterleavedSoNoiseSpreadsOverEveryTopology() {
    LoadScenario scenario =
        LoadScenarioFiles.load(
            layout.scenarios().resolve("request-reply-1client-1svc-2krps-local-remote.yaml"),
            layout);
    List<Topology> topologies =
        List.of("single", "cluster-3", "supercluster-2x3").stream()
            .map(t -> TopologyFiles.resolve(t, layout))
            .toList();
    List<MatrixRunner.Round> plan = MatrixRunner.plan(scenario, topologies, 2);
    assertThat(plan)
        .extracting(MatrixRunner.Round::runId)
        .containsExactly(
            "single-r1",
            "cluster-3-r1",
            "supercluster-2x3-r1",
            "single-r2",
            "cluster-3-r2",
            "supercluster-2x3-r2");
  }

  @Test
  void aPlacementOneTopologyLacksIsRefusedBeforeAnythingRuns() throws Exception {
    Path file = dir.resolve("placed.yaml");
    Files.writeString(
        file,
        "name: placed\ntopology: supercluster-2x3\nworkload:\n  kind: request-reply\n  subject: a\n"
            + "  clients: { count: 1, on: east }\n  service: { members: 1, on: west }\n  rate: 10/s\n");
    LoadScenario scenario = LoadScenarioFiles.load(file, layout);
    List<Topology> topologies =
        List.of(
            TopologyFiles.resolve("supercluster-2x3", layout),
            TopologyFiles.resolve("cluster-3", layout));
    assertThatThrownBy(() -> MatrixRunner.plan(scenario, topologies, 3))
        .isInstanceOf(BadInputException.class)
        .as("cluster-3's one cluster is named east, so the clients fit and the service does not")
        .hasMessageContaining(file + ":7")
        .hasMessageContaining("names 'west', which topology 'cluster-3' lacks");
  }
}
