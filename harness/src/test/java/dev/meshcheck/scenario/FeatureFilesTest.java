package dev.meshcheck.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureFilesTest {
  @TempDir Path dir;

  @Test
  void theShippedFeaturesParseAndHoldScenarios() {
    assertThat(FeatureFiles.countScenarios(List.of(ProjectLayout.discover().features())))
        .as("scenarios under features/")
        .isGreaterThanOrEqualTo(30);
  }

  @Test
  void theShippedExamplesParse() {
    assertThat(
            FeatureFiles.countScenarios(
                List.of(ProjectLayout.discover().root().resolve("examples/own-config"))))
        .as("scenarios of the own-config walkthrough")
        .isPositive();
  }

  @Test
  void aFileSelectedByLineIsParsedWhole() throws IOException {
    Path file = write("lines.feature", "Feature: f\n  Scenario: a\n  Scenario: b\n");

    assertThat(FeatureFiles.countScenarios(List.of(Path.of(file + ":2:3")))).isEqualTo(2);
    assertThat(FeatureFiles.withoutLines(Path.of(file + ":12"))).isEqualTo(file);
  }

  @Test
  void aSyntaxErrorNamesFileAndLine() throws IOException {
    Path file =
        write(
            "bad.feature",
            "Feature: f\n  Scenario: s\n    Given a \"single\" mesh\n      | a | b |\n      | c |\n");

    assertThatThrownBy(() -> FeatureFiles.countScenarios(List.of(file)))
        .isInstanceOf(BadInputException.class)
        .hasMessage(file + ":5: not valid Gherkin: inconsistent cell count within the table");
  }

  @Test
  void aFileWithoutScenariosIsBadInputNotAPass() throws IOException {
    Path file = write("empty.feature", "Feature: f\n  Scenario x without a colon\n");

    assertThatThrownBy(() -> FeatureFiles.countScenarios(List.of(file)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("holds no scenario");
  }

  @Test
  void outlineExamplesCountOneByOne() throws IOException {
    Path file =
        write(
            "outline.feature",
            "Feature: f\n  Scenario Outline: s <n>\n    Given a \"single\" mesh\n"
                + "    Examples:\n      | n |\n      | 1 |\n      | 2 |\n");

    assertThat(FeatureFiles.countScenarios(List.of(dir))).isEqualTo(2);
  }

  private Path write(String name, String gherkin) throws IOException {
    return Files.writeString(dir.resolve(name), gherkin);
  }
}
