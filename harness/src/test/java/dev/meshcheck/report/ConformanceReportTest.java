package dev.meshcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceReportTest {
  private static ConformanceScenario scenario(String area, String status, String reason) {
    return new ConformanceScenario(
        area,
        "features/" + area + "/x.feature",
        "s-" + status,
        3,
        status,
        reason,
        "cluster-3",
        "processes",
        "2.9.10",
        120,
        "",
        List.of());
  }

  @Test
  void countsPerAreaAndKeepsSkipReasons(@TempDir Path folder) throws Exception {
    ConformanceReport report =
        ConformanceReport.of(
            ConformanceReport.COMPLETE,
            "now",
            1000,
            List.of(
                scenario("discovery", "passed", ""),
                scenario("discovery", "skipped", "skipped: topology 'cluster-3' has no gateways"),
                scenario("security", "failed", "every request answered")));

    ConformanceReportWriter.write(report, folder);
    ConformanceReport read = ConformanceReportWriter.read(folder);

    assertThat(read).isEqualTo(report);
    assertThat(read.areas())
        .extracting(ConformanceArea::area)
        .containsExactly("discovery", "security");
    assertThat(read.areas().get(0).skipped()).isEqualTo(1);
    assertThat(read.passed()).isEqualTo(1);
    assertThat(read.failed()).isEqualTo(1);
    assertThat(read.serverVersions()).containsExactly("2.9.10");
    assertThat(Files.readString(folder.resolve(ConformanceReportWriter.SUMMARY_FILE)))
        .contains("| discovery | 1 | 0 | 1 |")
        .contains("has no gateways");
  }

  @Test
  void figuresAppearPerScenarioAndSummedUpOverTheRun(@TempDir Path folder) throws Exception {
    ConformanceScenario reconnected =
        new ConformanceScenario(
            "failover",
            "features/failover/x.feature",
            "killed",
            4,
            "passed",
            "",
            "cluster-3",
            "processes",
            "2.9.10",
            900,
            "",
            List.of(
                new ConformanceFigure(
                    "reconnect", "ms", java.util.Map.of("moved", 120L, "client-node-2", 80L))));
    ConformanceReport report =
        ConformanceReport.of(ConformanceReport.COMPLETE, "now", 1000, List.of(reconnected));

    ConformanceReportWriter.write(report, folder);

    assertThat(ConformanceReportWriter.read(folder)).as("figures survive JSON").isEqualTo(report);
    assertThat(Files.readString(folder.resolve(ConformanceReportWriter.SUMMARY_FILE)))
        .as("per scenario, and one line per figure over the run")
        .contains("reconnect: client-node-2 80 ms, moved 120 ms")
        .contains("| reconnect | 2 | 80 ms | 120 ms |");
  }

  @Test
  void areaIsTheFolderUnderFeatures() {
    assertThat(
            ConformanceOutcomes.area(java.net.URI.create("file:///r/features/balancing/q.feature")))
        .isEqualTo("balancing");
    assertThat(ConformanceOutcomes.area(java.net.URI.create("file:///tmp/team/mine.feature")))
        .isEqualTo("team");
  }

  @Test
  void aPartialReportSaysSoInItsSummary(@TempDir Path folder) {
    ConformanceReport report =
        ConformanceReport.of(
            ConformanceReport.PARTIAL, "now", 10, List.of(scenario("discovery", "passed", "")));

    ConformanceReportWriter.write(report, folder);

    assertThat(ConformanceReportWriter.read(folder).status()).isEqualTo("partial");
    assertThat(ConformanceReportWriter.summary(report)).contains("**Partial**");
  }

  @Test
  void aStoppedRunListsTheScenariosItCutShortApartFromItsCounts(@TempDir Path folder)
      throws Exception {
    ConformanceReport report =
        ConformanceReport.of(
            ConformanceReport.PARTIAL,
            "now",
            1000,
            List.of(scenario("discovery", "passed", "")),
            List.of("discovery/x.feature:9 s-cut"));

    ConformanceReportWriter.write(report, folder);

    assertThat(ConformanceReportWriter.read(folder)).isEqualTo(report);
    assertThat(report.passed() + report.failed() + report.skipped()).isEqualTo(1);
    assertThat(Files.readString(folder.resolve(ConformanceReportWriter.SUMMARY_FILE)))
        .contains("**Partial**")
        .contains("Stopped (Ctrl-C): 1 scenario(s) did not run to their end and are not counted")
        .contains("- discovery/x.feature:9 s-cut");
  }

  @Test
  void aReportWrittenBeforeScenariosCouldBeCutShortReadsWithNone(@TempDir Path folder)
      throws Exception {
    ConformanceReportWriter.write(
        ConformanceReport.of(ConformanceReport.COMPLETE, "now", 1, List.of()), folder);
    Path json = folder.resolve(ConformanceReportWriter.JSON_FILE);
    Files.writeString(
        json, Files.readString(json).replaceAll(",\\s*\"interrupted\"[^\\]]*\\]", ""));

    assertThat(Files.readString(json)).doesNotContain("interrupted");
    assertThat(ConformanceReportWriter.read(folder).interrupted()).isEmpty();
  }
}
