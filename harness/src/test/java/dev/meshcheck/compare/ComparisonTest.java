package dev.meshcheck.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshcheck.report.RunReportReader;
import dev.meshcheck.report.SampleRuns;
import dev.meshcheck.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression verdicts on made-up runs whose latencies are known. */
class ComparisonTest {
  @TempDir Path dir;

  @Test
  void aCandidateThirtyPercentSlowerIsARegressionAtTenPercent() throws Exception {
    RunResult base = run("base", 800, 1);
    RunResult slower = run("slower", 1040, 2);
    Comparison c =
        Comparison.of(
            List.of(base),
            List.of(slower),
            List.of(CompareMetric.P99, CompareMetric.THROUGHPUT),
            0.10);
    assertThat(c.regressed()).isTrue();
    Comparison.Verdict p99 = c.verdicts().get(0);
    assertThat(p99.regressed()).as("p99 up about 30%%: %s", p99).isTrue();
    assertThat(p99.change()).isBetween(0.2, 0.4);
    assertThat(c.verdicts().get(1).regressed()).as("same throughput").isFalse();
  }

  @Test
  void theSameLatenciesWithOtherNoiseAreNoRegression() throws Exception {
    Comparison c =
        Comparison.of(
            List.of(run("a", 800, 1)),
            List.of(run("b", 800, 2)),
            List.of(CompareMetric.P50, CompareMetric.P99),
            0.10);
    assertThat(c.regressed()).as("%s", c.verdicts()).isFalse();
  }

  @Test
  void severalBaselinesJudgeByTheirSpreadNotOneRun() throws Exception {
    List<RunResult> baselines = List.of(run("b1", 800, 1), run("b2", 1000, 2), run("b3", 900, 3));
    List<CompareMetric> p50 = List.of(CompareMetric.P50);
    RunResult inside = run("inside", 980, 4);
    Comparison c = Comparison.of(baselines, List.of(inside), p50, 0.10);
    assertThat(c.verdicts().get(0).baseline().count()).isEqualTo(3);
    assertThat(c.regressed())
        .as("9%% over the baseline median and inside its own 800-1000 range: %s", c.verdicts())
        .isFalse();
    assertThat(Comparison.of(List.of(baselines.get(0)), List.of(inside), p50, 0.10).regressed())
        .as("against the fastest baseline alone it would be called a regression")
        .isTrue();
    RunResult beyond = run("beyond", 1100, 5);
    assertThat(Comparison.of(baselines, List.of(beyond), p50, 0.10).regressed())
        .as("beyond the baseline's range and 10% over its median")
        .isTrue();
  }

  @Test
  void runsOfAnotherPlacementOrTopologyAreRefusedNamingTheField() throws Exception {
    RunResult base = run("base", 800, 1);
    RunResult otherPlacement =
        SampleRuns.write(
            dir.resolve("placed"),
            "placed",
            "supercluster-2x3",
            800,
            2,
            SampleRunsAccess.workloadWithClientsOn("remote"));
    RunResult otherTopology = SampleRuns.write(dir.resolve("topo"), "topo", "cluster-3", 800, 3);
    List<CompareMetric> p99 = List.of(CompareMetric.P99);
    assertThatThrownBy(() -> Comparison.of(List.of(base), List.of(otherPlacement), p99, 0.1))
        .isInstanceOf(NotComparableException.class)
        .hasMessageContaining("placement.senders differs: local in base, remote in placed");
    assertThatThrownBy(() -> Comparison.of(List.of(base), List.of(otherTopology), p99, 0.1))
        .isInstanceOf(NotComparableException.class)
        .hasMessageContaining("topology differs: supercluster-2x3 in base, cluster-3 in topo");
  }

  @Test
  void anotherServerVersionIsAWarningAndAnInvalidRunIsRefused() throws Exception {
    run("base", 800, 1);
    run("newer", 800, 2);
    rewrite(
        dir.resolve("newer"), "\"server_version\" : \"2.9.10\"", "\"server_version\" : \"2.10.4\"");
    Comparison c =
        Comparison.of(
            List.of(read("base")), List.of(read("newer")), List.of(CompareMetric.P99), 0.1);
    assertThat(c.warnings())
        .singleElement()
        .asString()
        .contains("server_version differs: 2.9.10 in base, 2.10.4 in newer");

    rewrite(
        dir.resolve("newer"),
        "\"invalid_reasons\" : [ ]",
        "\"invalid_reasons\" : [ \"send delay p99 9 ms\" ]");
    assertThatThrownBy(
            () ->
                Comparison.of(
                    List.of(read("base")), List.of(read("newer")), List.of(CompareMetric.P99), 0.1))
        .isInstanceOf(NotComparableException.class)
        .hasMessageContaining("run newer is invalid");
  }

  private RunResult run(String id, double p50Micros, long seed) throws Exception {
    return SampleRuns.write(dir.resolve(id), id, "supercluster-2x3", p50Micros, seed);
  }

  private RunResult read(String id) {
    return RunReportReader.read(dir.resolve(id));
  }

  private static void rewrite(Path runDir, String from, String to) throws Exception {
    Path summary = runDir.resolve("summary.json");
    String text = Files.readString(summary);
    assertThat(text).as("the summary holds %s", from).contains(from);
    Files.writeString(summary, text.replace(from, to));
  }
}
