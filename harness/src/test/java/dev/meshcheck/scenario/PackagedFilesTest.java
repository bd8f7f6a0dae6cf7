package dev.meshcheck.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outside a checkout, the shipped topologies and scenarios come from the harness itself. */
class PackagedFilesTest {
  @TempDir Path elsewhere;

  @Test
  void shippedScenariosAndTopologiesAreFoundByNameWithTheirRelativeIncludes() {
    ProjectLayout layout = new ProjectLayout(elsewhere, PackagedFiles.unpack());

    Path scenario = layout.scenarioFile(Path.of("request-reply-1svc-1krps-single"));
    assertThat(scenario).isRegularFile().hasFileName("request-reply-1svc-1krps-single.yaml");
    assertThat(LoadScenarioFiles.load(scenario, layout).topology().name()).isEqualTo("single");
    assertThat(TopologyFiles.resolve("supercluster-2x3-accounts", layout).include())
        .hasValueSatisfying(include -> assertThat(include).isRegularFile());
    assertThat(layout.reports()).isEqualTo(elsewhere.resolve("reports"));
  }

  @Test
  void aFileThatExistsIsTakenAsItIsAndAnUnknownNameIsLeftForTheLoaderToRefuse() {
    ProjectLayout layout = new ProjectLayout(elsewhere, PackagedFiles.unpack());

    assertThat(layout.scenarioFile(Path.of("no-such-scenario")))
        .isEqualTo(Path.of("no-such-scenario"));
    assertThat(layout.scenarioFile(elsewhere)).isEqualTo(elsewhere);
  }
}
