package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every feature that ships, and every one the integration tests run, passes the checks {@code
 * meshcheck check} makes before launching anything ({@link FeatureRun#validate()}): otherwise a
 * user's first run, or an IT, would end as bad input.
 */
class ShippedFeaturesTest {
  @TempDir Path dir;

  private final RunSettings settings = BuildRunSettings.fromBuild();
  private final Path root = settings.layout().root();

  @Test
  void everyShippedFeatureValidatesOnTheTopologiesItNames() {
    assertValid(List.of(root.resolve("features")), settings);
  }

  @Test
  void theOwnConfigWalkthroughValidatesOnItsTopologyAsReadmeRunsIt() {
    assertValid(
        List.of(root.resolve("examples/own-config")),
        settings.withTopologyOverride(
            root.resolve("examples/own-config/shop-mesh.yaml").toString()));
  }

  @Test
  void theFeaturesThatShowEveryThenStepFailingValidate() {
    assertValid(List.of(root.resolve("harness/src/test/resources/failing")), settings);
  }

  static Stream<Mutation> catalogue() {
    return MutationCatalogue.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void everySeededBreakageValidatesOnItsBrokenTopology(Mutation mutation) throws IOException {
    Path feature = BrokenMeshIT.featureFor(mutation, root, dir);

    assertValid(
        List.of(Path.of(feature + ":" + BrokenMeshIT.lineOf(feature, mutation.scenario()))),
        BrokenMeshIT.settingsFor(mutation));
  }

  private void assertValid(List<Path> features, RunSettings runSettings) {
    assertThatCode(
            () ->
                new FeatureRun(features, Optional.empty(), runSettings, dir.resolve("out"))
                    .validate())
        .as("%s validates", features)
        .doesNotThrowAnyException();
  }
}
