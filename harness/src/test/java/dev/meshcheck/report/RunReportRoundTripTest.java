package dev.meshcheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshcheck.measure.Metric;
import dev.meshcheck.result.RunResult;
import dev.meshcheck.result.RunStatus;
import dev.meshcheck.result.WorkloadResult;
import dev.meshcheck.scenario.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder read back is the run that was written: what compare and matrix rely on. */
class RunReportRoundTripTest {
  @TempDir Path dir;

  @Test
  void aRunFolderReadsBackWithItsFiguresAndItsWholeHistograms() throws Exception {
    RunResult written = SampleRuns.write(dir, "run-a", "supercluster-2x3", 800, 7);
    RunResult read = RunReportReader.read(dir);

    assertThat(read.status()).isEqualTo(RunStatus.PASSED);
    assertThat(read.identity()).isEqualTo(written.identity());
    assertThat(read.mesh()).isEqualTo(written.mesh());
    assertThat(read.environment()).isEqualTo(written.environment());
    assertThat(read.sloChecks()).isEqualTo(written.sloChecks());
    assertThat(read.serverCounters()).isEqualTo(written.serverCounters());
    assertThat(read.faults()).as("events and recovery").isEqualTo(written.faults());
    assertThat(read.faults().events()).isNotEmpty();
    WorkloadResult w = read.workload();
    WorkloadResult expected = written.workload();
    assertThat(w.workload())
        .as("the scenario's workload, placement included")
        .isEqualTo(expected.workload());
    assertThat(w.counts()).isEqualTo(expected.counts());
    assertThat(w.errors()).isEqualTo(expected.errors());
    assertThat(w.placement()).isEqualTo(expected.placement());
    assertThat(w.intervals()).isEqualTo(expected.intervals());
    for (Metric metric : Metric.values()) {
      assertThat(w.latencies().histogram(metric))
          .as("%s: the sum of the .hlog's intervals is the whole-phase histogram", metric)
          .isEqualTo(expected.latencies().histogram(metric));
    }
  }

  @Test
  void aFolderWithoutASummaryIsBadInputThatNamesIt() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> RunReportReader.read(empty))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(empty.toString())
        .hasMessageContaining("is not a run folder: it has no summary.json");
  }

  @Test
  void aSummaryOfAnotherShapeIsBadInputNotACrash() throws Exception {
    Files.writeString(dir.resolve("summary.json"), "{\"workloads\": [{\"name\": 3}]}");
    assertThatThrownBy(() -> RunReportReader.read(dir))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("summary.json")
        .hasMessageContaining("is not a meshcheck summary this version can read");
  }
}
