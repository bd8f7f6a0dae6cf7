package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.report.ConformanceArea;
import dev.meshcheck.report.ConformanceReport;
import dev.meshcheck.report.ConformanceScenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Runs every feature under {@code features/} against meshes of the build's backend ({@code
 * -Dmeshcheck.backend}), writing Cucumber's html, message and junit reports and the conformance
 * report to {@code reports/conformance/}, and fails naming every scenario that failed. {@code
 * -Dcucumber.filter.tags="@discovery"} narrows the run.
 */
class ConformanceIT {
  @Test
  void everyFeaturePassesOrIsSkippedWithAReason() {
    RunSettings settings = BuildRunSettings.fromBuild();
    Path root = settings.layout().root();
    Optional<String> tags =
        Optional.ofNullable(System.getProperty("cucumber.filter.tags")).filter(t -> !t.isBlank());

    ConformanceReport report =
        new FeatureRun(
                List.of(root.resolve("features")),
                tags,
                settings,
                root.resolve("reports/conformance"))
            .run();

    List<String> failures =
        report.areas().stream()
            .map(ConformanceArea::scenarios)
            .flatMap(List::stream)
            .filter(s -> s.status().equals(ConformanceScenario.FAILED))
            .map(s -> s.feature() + ":" + s.line() + " " + s.name() + ": " + s.reason())
            .toList();
    assertThat(report.passed() + report.failed() + report.skipped())
        .as("scenarios run")
        .isPositive();
    assertThat(failures).as("failed scenarios").isEmpty();
  }
}
