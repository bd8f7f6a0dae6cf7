package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ThenStepCoverageTest {
  @Test
  void everyThenStepHasAScenarioThatShowsItFailing() {
    Set<String> covered =
        ThenStepFailures.ENTRIES.stream()
            .map(ThenStepFailures.Entry::step)
            .collect(Collectors.toSet());

    List<String> thenSteps =
        StepCatalog.load().stream()
            .filter(e -> e.keyword().equals("Then"))
            .map(StepCatalog.Entry::pattern)
            .toList();

    assertThat(thenSteps)
        .as("Then steps without a failing scenario in ThenStepFailures")
        .allMatch(covered::contains);
    assertThat(covered).as("entries that name no Then step").allMatch(thenSteps::contains);
  }

  @Test
  void featuresReadmeListsEveryThenStepWithTheScenarioThatShowsItFailing() throws Exception {
    List<String> rows =
        Files.readAllLines(Path.of("../features/README.md")).stream()
            .filter(line -> line.startsWith("| `Then "))
            .toList();
    for (ThenStepFailures.Entry entry : ThenStepFailures.ENTRIES) {
      assertThat(rows)
          .as("features/README.md lists '%s' with '%s'", entry.step(), entry.scenario())
          .anyMatch(
              row ->
                  row.startsWith("| `Then " + entry.step() + "` | `" + entry.feature() + "` | ")
                      && row.contains(" | " + entry.scenario() + " | "));
    }
    assertThat(rows).as("one row per entry").hasSameSizeAs(ThenStepFailures.ENTRIES);
  }

  @Test
  void everyListedScenarioExistsInItsFeature() throws Exception {
    for (ThenStepFailures.Entry entry : ThenStepFailures.ENTRIES) {
      Path feature = Path.of("src/test/resources/failing", entry.feature());
      assertThat(Files.readString(feature))
          .as("%s holds the scenario", feature)
          .contains("Scenario: " + entry.scenario() + "\n");
    }
  }
}
