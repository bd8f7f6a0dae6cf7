package dev.meshcheck.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.report.SampleRuns;
import dev.meshcheck.result.RunResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix's ratios and its "beyond spread" verdict, on runs whose latencies are known. */
class MatrixTableTest {
  @TempDir Path dir;

  @Test
  void ratiosAreMediansOverTheFirstTopologyAndDifferencesAreJudgedByTheSpread() throws Exception {
    MatrixTable.Column single = column("single", 400, 420, 410);
    MatrixTable.Column gateway = column("supercluster-2x3", 800, 820, 790);
    MatrixTable.Column close = column("cluster-3", 405, 430, 415);
    MatrixTable table = MatrixTable.of(List.of(single, gateway, close), List.of(CompareMetric.P50));
    assertThat(table.ratio(1, CompareMetric.P50)).isBetween(1.85, 2.1);
    assertThat(table.differsBeyondSpread(1, CompareMetric.P50)).isTrue();
    assertThat(table.differsBeyondSpread(2, CompareMetric.P50))
        .as("405-430 overlaps 400-420: within the noise")
        .isFalse();
  }

  @Test
  void oneRoundHasNoSpreadToJudgeBy() throws Exception {
    MatrixTable table =
        MatrixTable.of(
            List.of(column("single", 400), column("cluster-3", 900)), List.of(CompareMetric.P50));
    assertThat(table.hasSpread(1, CompareMetric.P50)).isFalse();
    assertThat(table.differsBeyondSpread(1, CompareMetric.P50)).isFalse();
  }

  private MatrixTable.Column column(String topology, double... p50s) throws Exception {
    List<RunResult> runs = new java.util.ArrayList<>();
    for (int i = 0; i < p50s.length; i++) {
      String id = topology + "-r" + (i + 1);
      runs.add(SampleRuns.write(dir.resolve(id), id, topology, p50s[i], 100 + i));
    }
    return new MatrixTable.Column(topology, runs);
  }
}
