package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.report.ConformanceReport;
import dev.meshcheck.topology.LauncherSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gate power, measured: runs each {@link MutationCatalogue} breakage of a healthy mesh against the
 * shipped scenario that should catch it, expects the answer the catalogue names, and writes the
 * catalogue (per area caught / tried, and which step caught each) to {@code
 * harness/target/mutation-catalogue.md}. Waits end on their condition; the delivery deadline is
 * short, because here most waits are meant to time out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokenMeshIT {
  private static final Duration DEADLINE = Duration.ofSeconds(2);
  private static final Duration READY_WHEN_BROKEN = Duration.ofSeconds(8);

  private final List<MutationOutcome> outcomes = new ArrayList<>();

  Stream<Mutation> catalogue() {
    return MutationCatalogue.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void theGateAnswersASeededBreakageAsTheCatalogueSays(Mutation mutation) throws IOException {
    RunSettings settings = settingsFor(mutation);
    Path root = settings.layout().root();
    Path runFolder = root.resolve("harness/target/broken-meshes/" + slug(mutation));
    Path feature = featureFor(mutation, root, runFolder);

    long started = System.nanoTime();
    ConformanceReport report =
        new FeatureRun(
                List.of(Path.of(feature + ":" + lineOf(feature, mutation.scenario()))),
                Optional.empty(),
                settings,
                runFolder.resolve("report"))
            .run();
    MutationOutcome outcome =
        MutationOutcome.of(mutation, report, (System.nanoTime() - started) / 1_000_000);
    outcomes.add(outcome);

    assertThat(outcome.answer())
        .as("%s / %s: %s", mutation.area(), mutation.breakage(), outcome.caughtBy())
        .isEqualTo(mutation.expected());
  }

  @AfterAll
  void writeTheCatalogue() throws IOException {
    Path table =
        BuildRunSettings.fromBuild()
            .layout()
            .root()
            .resolve("harness/target/mutation-catalogue.md");
    Files.writeString(table, MutationTable.markdown(outcomes));
    System.out.println(Files.readString(table));
    Map<String, Long> triedByArea = new TreeMap<>();
    MutationCatalogue.ALL.forEach(m -> triedByArea.merge(m.area(), 1L, Long::sum));
    assertThat(triedByArea)
        .as("at least three breakages per area")
        .containsOnlyKeys(
            "balancing", "discovery", "failover", "observability", "routing", "security")
        .allSatisfy((area, tried) -> assertThat(tried).as(area).isGreaterThanOrEqualTo(3));
  }

  static RunSettings settingsFor(Mutation mutation) {
    RunSettings settings = BuildRunSettings.forWhatTheStepsCatch().withDeliveryDeadline(DEADLINE);
    if (mutation.expected() == Mutation.Expected.CAUGHT_BY_READINESS) {
      LauncherSettings launcher = settings.launcher();
      settings =
          settings.withLauncher(
              new LauncherSettings(
                  launcher.natsServerBinary(),
                  launcher.image(),
                  launcher.externalUrls(),
                  launcher.externalMonitorUrls(),
                  READY_WHEN_BROKEN));
    }
    if (mutation.topology().isPresent()) {
      settings =
          settings.withTopologyOverride(
              Path.of("src/test/resources/broken", mutation.topology().get())
                  .toAbsolutePath()
                  .toString());
    }
    return settings;
  }

  /** The shipped feature, or an edited copy in a folder named for its area (its area tag). */
  static Path featureFor(Mutation mutation, Path root, Path runFolder) throws IOException {
    Path shipped = root.resolve("features").resolve(mutation.feature());
    if (mutation.edit().isEmpty()) {
      return shipped;
    }
    String text = Files.readString(shipped);
    Mutation.Edit edit = mutation.edit().get();
    assertThat(text).as("the edit applies to %s", shipped).contains(edit.from());
    Path copy = runFolder.resolve(mutation.area()).resolve(shipped.getFileName());
    Files.createDirectories(copy.getParent());
    return Files.writeString(
        copy,
        text.replaceFirst(
            java.util.regex.Pattern.quote(edit.from()),
            java.util.regex.Matcher.quoteReplacement(edit.to())));
  }

  static int lineOf(Path feature, String scenario) throws IOException {
    List<String> lines = Files.readAllLines(feature);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.equals("Scenario: " + scenario) || line.equals("Scenario Outline: " + scenario)) {
        return i + 1;
      }
    }
    throw new AssertionError("no scenario '" + scenario + "' in " + feature);
  }

  private static String slug(Mutation mutation) {
    return (mutation.area() + "-" + mutation.breakage()).replaceAll("[^A-Za-z0-9]+", "-");
  }
}
