package dev.meshcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.report.SampleRuns;
import dev.meshcheck.scenario.NodeChoice;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meshcheck compare}'s exit codes and files, on made-up run folders. */
class CompareCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void noRegressionExitsZeroAndWritesMarkdownJsonAndHtml() throws Exception {
    Path base = run("base", 800, 1);
    Path same = run("same", 800, 2);
    int exit =
        compare(
            base.toString(), "--against", same.toString(), "--out", dir.resolve("cmp").toString());
    assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("## meshcheck compare: no regression")
        .contains("| p99 (µs) |");
    assertThat(dir.resolve("cmp/compare.md")).exists();
    assertThat(dir.resolve("cmp/compare.json")).content().contains("\"regressed\" : false");
    assertThat(dir.resolve("cmp/index.html")).content().contains("<svg class=\"chart\"");
  }

  @Test
  void aRegressionBeyondTheThresholdExitsNinetyNine() throws Exception {
    Path base = run("base", 800, 1);
    Path slower = run("slower", 1200, 2);
    int exit =
        compare(
            base.toString(),
            "--against",
            slower.toString(),
            "--metric",
            "p50,p99",
            "--max-regression",
            "20%",
            "--out",
            dir.resolve("cmp").toString());
    assertThat(exit).isEqualTo(ExitCodes.THRESHOLD_BREACHED);
    assertThat(out.toString()).contains("REGRESSION");
    assertThat(
            compare(
                base.toString(),
                "--against",
                slower.toString(),
                "--metric",
                "p50",
                "--max-regression",
                "60%",
                "--out",
                dir.resolve("cmp2").toString()))
        .as("50% slower is within a 60% threshold")
        .isEqualTo(ExitCodes.OK);
  }

  @Test
  void runsThatAreNotComparableExitTwoNamingTheField() throws Exception {
    Path base = run("base", 800, 1);
    Path other = dir.resolve("other");
    SampleRuns.write(
        other, "other", "supercluster-2x3", 800, 2, SampleRuns.workload(NodeChoice.on("east-2")));
    int exit =
        compare(
            base.toString(), "--against", other.toString(), "--out", dir.resolve("cmp").toString());
    assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString())
        .contains("not comparable: placement.senders differs: local in base, east-2 in other");
  }

  @Test
  void aFolderThatIsNotARunOrAnUnknownMetricExitsTwo() throws Exception {
    Path base = run("base", 800, 1);
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThat(compare(base.toString(), "--against", empty.toString()))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("is not a run folder: it has no summary.json");
    assertThat(compare(base.toString(), "--against", base.toString(), "--metric", "p42"))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("unknown metric 'p42'; valid are p50, p90, p99");
  }

  private Path run(String id, double p50, long seed) throws Exception {
    Path folder = dir.resolve(id);
    SampleRuns.write(folder, id, "supercluster-2x3", p50, seed);
    return folder;
  }

  private int compare(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "compare";
    System.arraycopy(args, 0, all, 1, args.length);
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
  }
}
