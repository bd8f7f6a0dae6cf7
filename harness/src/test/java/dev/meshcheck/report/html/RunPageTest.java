package dev.meshcheck.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.measure.Metric;
import dev.meshcheck.report.RunReportReader;
import dev.meshcheck.report.SampleRuns;
import dev.meshcheck.result.Ending;
import dev.meshcheck.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run page is built from the recorded histograms and says when figures cannot be trusted. */
class RunPageTest {
  @TempDir Path dir;

  @Test
  void thePageShowsTheRecordedPercentilesChartsAndWhereTrafficWent() throws Exception {
    SampleRuns.write(dir, "run-a", "supercluster-2x3", 800, 7);
    RunResult read = RunReportReader.read(dir);
    String html = RunPage.render(read);
    double p99 = read.workload().latencies().atPercentileMicros(Metric.LATENCY, 99);
    assertThat(html)
        .as("the p99 cell comes from the histogram read back from the .hlog")
        .contains("<td>" + Html.number(p99) + "</td>")
        .contains("status: passed")
        .contains("Latency by percentile")
        .contains("Latency per second")
        .contains("Throughput per second")
        .contains("Per-member spread")
        .contains("<td class=\"l\">gateway</td>")
        .contains("meshcheck-client-1")
        .as("nothing to fetch: no script, no src, no link to elsewhere")
        .doesNotContain("<script")
        .doesNotContain(" src=")
        .doesNotContain("href=\"http")
        .doesNotContain("<link");
    assertThat(html.split("<svg class=\"chart\"", -1)).as("four charts").hasSize(5);
  }

  @Test
  void invalidAndPartialRunsCarryABannerWithTheirReasons() throws Exception {
    RunResult run = SampleRuns.write(dir, "run-b", "single", 500, 3);
    RunResult partial =
        new RunResult(
            run.identity(),
            run.mesh(),
            run.workloads(),
            run.sloChecks(),
            run.serverCounters(),
            run.environment(),
            new Ending(true, List.of("IOException: node 2 went away")));
    assertThat(RunPage.render(partial))
        .contains("PARTIAL: this run did not finish")
        .contains("stopped (Ctrl-C or SIGTERM) before it ended")
        .contains("IOException: node 2 went away")
        .as("the SLOs of a run cut short are not judged")
        .contains("<td>not judged (run partial)</td>")
        .doesNotContain(">pass<");
    Path summary = dir.resolve("summary.json");
    Files.writeString(
        summary,
        Files.readString(summary)
            .replace(
                "\"invalid_reasons\" : [ ]",
                "\"invalid_reasons\" : [ \"send delay p99 9.0 ms exceeds the 5.0 ms bound\" ]"));
    assertThat(RunPage.render(RunReportReader.read(dir)))
        .contains("INVALID: the generator fell behind")
        .contains("send delay p99 9.0 ms exceeds the 5.0 ms bound");
  }

  @Test
  void percentileAxisTicksSitOneDecadeApart() {
    assertThat(Axis.percentileLabel(2)).isEqualTo("50%");
    assertThat(Axis.percentileLabel(10)).isEqualTo("90%");
    assertThat(Axis.percentileLabel(1000)).isEqualTo("99.9%");
    assertThat(Axis.percentileLabel(100_000)).isEqualTo("99.999%");
    assertThat(Axis.durationLabel(1500).toLowerCase(Locale.ROOT)).isEqualTo("1.5 ms");
  }
}
