package dev.meshcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.result.Ending;
import dev.meshcheck.result.RunResult;
import dev.meshcheck.result.RunStatus;
import dev.meshcheck.result.SloCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What CI reads of a run's SLOs: a breach fails, a partial run is not judged and says why. */
class SloJunitXmlTest {
  private static final SloCheck BREACHED_P99 =
      new SloCheck(
          "p99", SampleRuns.WORKLOAD, OptionalDouble.of(1000), OptionalDouble.empty(), 5000, false);

  @TempDir Path dir;

  @Test
  void aBreachedSloOfACompleteRunIsAFailureThatSaysWhatWasObserved() throws Exception {
    RunResult run = with(SampleRuns.write(dir, "r", "single", 800, 1), Ending.normal());

    String xml = SloJunitXml.of(run);

    assertThat(run.status()).isEqualTo(RunStatus.SLO_BREACHED);
    assertThat(xml)
        .contains("failures=\"1\" errors=\"0\" skipped=\"0\"")
        .contains("<failure message=\"p99 of rr: observed 5000.0 us, limit 1000.0 us\"/>")
        .doesNotContain("run is");
  }

  @Test
  void anInterruptedRunIsNotJudgedOnItsSlosAndSaysWhyItIsPartial() throws Exception {
    RunResult run = with(SampleRuns.write(dir, "r", "single", 800, 1), new Ending(true, List.of()));

    String xml = SloJunitXml.of(run);

    assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(xml)
        .as("no SLO FAIL for a run cut short; one error for the run itself")
        .contains("failures=\"0\" errors=\"1\" skipped=\"1\"")
        .doesNotContain("<failure")
        .contains(
            "name=\"run is complete\"><error message=\"run is partial: stopped (Ctrl-C or"
                + " SIGTERM) before it ended; SLOs not judged\"/>")
        .contains(
            "<skipped message=\"not judged (run partial); measured so far: p99 of rr: observed"
                + " 5000.0 us, limit 1000.0 us\"/>");
  }

  @Test
  void aPartialRunSaysNotJudgedInItsSummaryToo() throws Exception {
    RunResult run = with(SampleRuns.write(dir, "r", "single", 800, 1), new Ending(true, List.of()));

    var summary = SummaryJson.of(run);

    assertThat(summary.path("slo_judged").asBoolean()).isFalse();
    assertThat(summary.path("slo").get(0).path("verdict").asText())
        .isEqualTo("not judged (run partial)");
  }

  private static RunResult with(RunResult sample, Ending ending) {
    return new RunResult(
        sample.identity(),
        sample.mesh(),
        sample.workloads(),
        List.of(BREACHED_P99),
        sample.serverCounters(),
        sample.environment(),
        ending,
        sample.faults());
  }
}
