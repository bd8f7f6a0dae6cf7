package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshcheck.scenario.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureTagsTest {
  private static Path feature(Path features, String area, String text) throws Exception {
    Path folder = Files.createDirectories(features.resolve(area));
    return Files.writeString(folder.resolve("x.feature"), text);
  }

  @Test
  void aMisspeltCapabilityIsBadInputNamingTheTagTheLineAndTheKnownTags(@TempDir Path features)
      throws Exception {
    Path file =
        feature(
            features,
            "balancing",
            "@balancing\nFeature: f\n\n  @gateway\n  Scenario: s\n    Given a \"cluster-3\" mesh\n");

    assertThatThrownBy(() -> FeatureTags.requireKnown(List.of(file), features))
        .as("@gateway is not @gateways: the scenario would run where it should be skipped")
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(file + ":4")
        .hasMessageContaining("unknown tag '@gateway' (did you mean '@gateways'?)")
        .hasMessageContaining("@gateways")
        .hasMessageContaining("@balancing")
        .hasMessageContaining("@min-server-X.Y");
  }

  @Test
  void aMinServerTagWithoutAVersionIsUnknown(@TempDir Path features) throws Exception {
    Path file =
        feature(
            features, "discovery", "Feature: f\n  @min-server-2.x\n  Scenario: s\n    Given x\n");

    assertThatThrownBy(() -> FeatureTags.requireKnown(List.of(features), features))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(file + ":2")
        .hasMessageContaining("'@min-server-2.x'");
  }

  @Test
  void capabilityAreaAndExamplesTagsAreKnown(@TempDir Path features) throws Exception {
    feature(features, "routing", "");
    Path file =
        feature(
            features,
            "payments",
            "@payments @routing\nFeature: f\n  @faults @min-server-2.10\n  Scenario Outline: s\n"
                + "    Given <x>\n    @accounts\n    Examples:\n      | x |\n      | y |\n");

    assertThatCode(() -> FeatureTags.requireKnown(List.of(file), features))
        .as("the feature's own folder, every folder under features/, and capabilities")
        .doesNotThrowAnyException();
  }
}
