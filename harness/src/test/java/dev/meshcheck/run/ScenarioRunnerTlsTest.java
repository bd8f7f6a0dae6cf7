package dev.meshcheck.run;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshcheck.load.LoadProgress;
import dev.meshcheck.load.LoadTuning;
import dev.meshcheck.scenario.BadInputException;
import dev.meshcheck.scenario.LoadScenario;
import dev.meshcheck.scenario.LoadScenarioFiles;
import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.TopologyFiles;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioRunnerTlsTest {
  private final ProjectLayout layout = ProjectLayout.discover();
  @TempDir Path dir;

  @Test
  void aRunOnATlsTopologyIsRefusedAsBadInputBeforeAnythingStarts() {
    LoadScenario scenario =
        LoadScenarioFiles.load(
                layout.scenarios().resolve("request-reply-1client-1svc-2krps-local-remote.yaml"),
                layout)
            .withTopology(TopologyFiles.resolve("supercluster-2x3-tls", layout));
    // No launcher: the refusal must come before any mesh is launched.
    ScenarioRunner runner = new ScenarioRunner(null, LoadTuning.defaults(), layout.root());

    assertThatThrownBy(
            () ->
                runner.run(
                    scenario,
                    new RunRequest("r1", dir, LoadProgress.silent(), new AtomicBoolean())))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("request-reply-1client-1svc-2krps-local-remote.yaml")
        .hasMessageContaining("field 'topology'")
        .hasMessageContaining("uses TLS (tls: true)");
  }
}
