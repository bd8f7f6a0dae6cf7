package dev.meshcheck.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void aFileThatExistsIsTakenAsItIs() {
    ProjectLayout layout = new ProjectLayout(elsewhere, PackagedFiles.unpack());

    assertThat(layout.scenarioFile(elsewhere)).isEqualTo(elsewhere);
    assertThat(layout.scenarioFile(Path.of("no-such-folder/x.yaml")))
        .as("a path is left for the loader to refuse")
        .isEqualTo(Path.of("no-such-folder/x.yaml"));
  }

  @Test
  void anUnknownNameListsTheShippedScenariosAndNotTheFolderTheyWereUnpackedTo() {
    Path unpacked = PackagedFiles.unpack();
    ProjectLayout layout = new ProjectLayout(elsewhere, unpacked);

    assertThatThrownBy(() -> layout.scenarioFile(Path.of("request-reply-1svc-1krps-singel")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("no scenario by that name in meshcheck.jar")
        .hasMessageContaining("did you mean 'request-reply-1svc-1krps-single'?")
        .hasMessageContaining("known: fanout-")
        .hasMessageNotContaining(unpacked.toString());
    assertThatThrownBy(() -> TopologyFiles.resolve("clustr-3", layout))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(
            "no topology by that name in meshcheck.jar (did you mean 'cluster-3'?)")
        .hasMessageContaining("known: cluster-3, ")
        .hasMessageNotContaining(unpacked.toString());
  }
}
