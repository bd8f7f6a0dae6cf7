package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.report.ConformanceReport;
import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.topology.Backend;
import dev.meshcheck.topology.LauncherSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A run asked to stop (Ctrl-C) before a scenario begins skips it without a mesh, and Cucumber still
 * writes its reports whole.
 */
class StoppedRunTest {
  @TempDir Path dir;

  @Test
  void scenariosBegunAfterAStopLaunchNothingAndTheReportsSayPartial() throws Exception {
    Path feature =
        Files.writeString(
            Files.createDirectories(dir.resolve("timing")).resolve("two.feature"),
            "Feature: f\n  Scenario: one\n    Given a \"cluster-3\" mesh\n"
                + "  Scenario: two\n    Given a \"single\" mesh\n");
    // A launch would fail on this binary, and the scenario with it: skipped proves none was tried.
    RunSettings settings =
        RunSettings.of(Backend.PROCESSES, ProjectLayout.discover())
            .withLauncher(
                new LauncherSettings(
                    Optional.of(dir.resolve("no-nats-server")),
                    Optional.empty(),
                    List.of(),
                    List.of(),
                    Duration.ofSeconds(1)));
    Path out = dir.resolve("out");

    ConformanceReport report =
        new FeatureRun(List.of(feature), Optional.empty(), settings, out).run(() -> true);

    assertThat(report.status()).isEqualTo(ConformanceReport.PARTIAL);
    assertThat(report.passed() + report.failed() + report.skipped())
        .as("a scenario that never ran is no verdict")
        .isZero();
    assertThat(report.interrupted())
        .hasSize(2)
        .allMatch(s -> s.endsWith(" one") || s.endsWith(" two"));
    NodeList cases =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(out.resolve("cucumber-junit.xml").toFile())
            .getElementsByTagName("skipped");
    assertThat(cases.getLength()).as("both test cases skipped in the JUnit XML").isEqualTo(2);
    assertThat(((Element) cases.item(0)).getAttribute("message"))
        .isEqualTo("not run: the run was stopped (Ctrl-C) before it began");
    assertThat(out.resolve("cucumber.html")).content().endsWith("</html>\n");
  }
}
