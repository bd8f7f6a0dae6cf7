package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.report.ConformanceArea;
import dev.meshcheck.report.ConformanceReport;
import dev.meshcheck.report.ConformanceScenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Shows every Then step failing: runs each feature of {@code src/test/resources/failing/} against
 * real meshes and expects every scenario listed in {@link ThenStepFailures} to fail, with a reason
 * that names the behaviour. A short delivery deadline keeps the waits that must time out short.
 */
class ThenStepsFailIT {
  /** Long enough for delivery here (milliseconds), short enough that timeouts cost little. */
  private static final Duration DEADLINE = Duration.ofSeconds(2);

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "pubsub.feature",
        "cut-off.feature",
        "services.feature",
        "security.feature",
        "jetstream.feature",
        "link-faults.feature",
        "tls.feature",
        "observability.feature",
        "balance.feature",
        "clusters.feature"
      })
  void everyScenarioFailsNamingTheBehaviour(String feature) {
    RunSettings settings = BuildRunSettings.forWhatTheStepsCatch().withDeliveryDeadline(DEADLINE);
    Path reports = settings.layout().root().resolve("harness/target/failing/" + feature);

    ConformanceReport report =
        new FeatureRun(
                List.of(Path.of("src/test/resources/failing", feature)),
                Optional.empty(),
                settings,
                reports)
            .run();

    Map<String, ConformanceScenario> byName =
        report.areas().stream()
            .map(ConformanceArea::scenarios)
            .flatMap(List::stream)
            .collect(Collectors.toMap(ConformanceScenario::name, Function.identity()));
    List<ThenStepFailures.Entry> expected =
        ThenStepFailures.ENTRIES.stream().filter(e -> e.feature().equals(feature)).toList();
    assertThat(byName).as("scenarios of %s", feature).hasSameSizeAs(expected);
    for (ThenStepFailures.Entry entry : expected) {
      ConformanceScenario scenario = byName.get(entry.scenario());
      assertThat(scenario).as("scenario '%s' ran", entry.scenario()).isNotNull();
      assertThat(scenario.status()).as("'%s' fails", entry.scenario()).isEqualTo("failed");
      assertThat(scenario.reason())
          .as("'%s' fails in '%s', naming the behaviour", entry.scenario(), entry.step())
          .contains(entry.reason());
    }
  }
}
