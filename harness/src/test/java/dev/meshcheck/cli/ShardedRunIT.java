package dev.meshcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.measure.Metric;
import dev.meshcheck.report.RunReportReader;
import dev.meshcheck.result.RunResult;
import dev.meshcheck.result.RunStatus;
import dev.meshcheck.result.WorkloadResult;
import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.TopologyFiles;
import dev.meshcheck.topology.Backend;
import dev.meshcheck.topology.LauncherSettings;
import dev.meshcheck.topology.MeshLaunchers;
import dev.meshcheck.topology.MeshNode;
import dev.meshcheck.topology.RunningMesh;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three shards of one fan-out as three {@code meshcheck.jar} processes against one cluster-3,
 * merged: the same counts as one process running the whole workload, nothing lost, histograms
 * added. Every subscriber hears the publishers of every shard, so a loss between shards would show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShardedRunIT {
  static final String SCENARIO = "scenarios/fanout-3pub-3sub-128b-3krps-cluster3-shardable.yaml";

  @TempDir Path dir;
  private RunningMesh mesh;

  @BeforeAll
  void launchCluster() {
    Backend backend = Backend.parse(System.getProperty("meshcheck.backend", "auto"));
    mesh =
        MeshLaunchers.forBackend(backend, LauncherSettings.fromEnvironment())
            .launch(TopologyFiles.resolve("cluster-3", ProjectLayout.discover()));
  }

  @AfterAll
  void closeCluster() {
    mesh.close();
  }

  @Test
  void threeShardsMergeIntoTheCountsOfOneProcessWithNothingLost() throws Exception {
    Path scenario = ShardProcesses.root().resolve(SCENARIO);
    StringBuilder logs = new StringBuilder();
    List<Path> shardDirs =
        ShardProcesses.runOnTime(
            scenario,
            3,
            mesh,
            dir,
            shards -> {
              List<Integer> exits = shards.awaitAll(240);
              logs.append(shards.logs());
              assertThat(exits).as(logs.toString()).allMatch(code -> code == 0 || code == 1);
              return shards.dirs();
            });
    Path merged = dir.resolve("merged");
    int exit = mergeTo(merged, shardDirs.stream().map(Path::toString).toArray(String[]::new));
    Path single = dir.resolve("single");
    Main.run(
        "run",
        scenario.toString(),
        "--url",
        urls(),
        "--monitor-url",
        mesh.nodes().stream().map(n -> n.monitorUrl().toString()).collect(Collectors.joining(",")),
        "--out",
        single.toString());

    WorkloadResult whole = RunReportReader.read(merged).workload();
    WorkloadResult oneProcess = RunReportReader.read(single).workload();
    RunResult mergedRun = RunReportReader.read(merged);
    assertThat(mergedRun.status())
        .as("a loaded machine may miss the schedule (invalid), never lose shards: %s", logs)
        .isIn(RunStatus.PASSED, RunStatus.INVALID);
    assertThat(exit).isEqualTo(mergedRun.status() == RunStatus.PASSED ? 0 : 1);
    assertThat(whole.counts().sent()).as("3 publishers x 6000").isEqualTo(18_000);
    assertThat(whole.counts().sent()).isEqualTo(oneProcess.counts().sent());
    assertThat(whole.counts().received())
        .as("every subscriber got every publisher's messages, across shards")
        .isEqualTo(oneProcess.counts().received())
        .isEqualTo(3 * 18_000);
    assertThat(whole.counts().lost()).isZero();
    assertThat(whole.counts().duplicates()).isZero();

    List<WorkloadResult> parts = new ArrayList<>();
    for (Path shard : shardDirs) {
      parts.add(RunReportReader.read(shard).workload());
    }
    long shardCounts =
        parts.stream()
            .mapToLong(p -> p.latencies().histogram(Metric.LATENCY).getTotalCount())
            .sum();
    assertThat(whole.latencies().histogram(Metric.LATENCY).getTotalCount())
        .as("the merged histogram holds every shard's values, and the merged .hlog too")
        .isEqualTo(shardCounts)
        .isEqualTo(whole.counts().received());
    double p99 = whole.percentiles(Metric.LATENCY).p99();
    assertThat(p99)
        .as("the p99 of the union lies between the shards' p99s")
        .isBetween(
            parts.stream()
                .mapToDouble(p -> p.percentiles(Metric.LATENCY).p99())
                .min()
                .orElseThrow(),
            parts.stream()
                .mapToDouble(p -> p.percentiles(Metric.LATENCY).p99())
                .max()
                .orElseThrow());
    assertThat(whole.intervals()).as("per-second series lined up").isNotEmpty();
    assertThat(merged.resolve("index.html")).content().contains("<svg");
  }

  @Test
  void aShardKilledMidRunMakesTheMergePartialAndNamesIt() throws Exception {
    Path scenario = ShardProcesses.root().resolve(SCENARIO);
    List<Path> shardDirs =
        ShardProcesses.runOnTime(
            scenario,
            3,
            mesh,
            dir.resolve("kill"),
            shards -> {
              // Two seconds of warm-up, then two into the six measured seconds.
              Instant killAt = shards.startAt().plusSeconds(4);
              Thread.sleep(Math.max(0, Duration.between(Instant.now(), killAt).toMillis()));
              assertThat(shards.shard(1).isAlive())
                  .as("shard 1 still runs when it is killed")
                  .isTrue();
              shards.shard(1).destroyForcibly().waitFor();
              shards.shard(0).waitFor();
              shards.shard(2).waitFor();
              return shards.dirs();
            });
    Path merged = dir.resolve("kill-merged");
    StringWriter out = new StringWriter();
    int exit =
        Main.run(
            new PrintWriter(out),
            new PrintWriter(out),
            "merge",
            shardDirs.get(0).toString(),
            shardDirs.get(1).toString(),
            shardDirs.get(2).toString(),
            "--out",
            merged.toString());
    RunResult result = RunReportReader.read(merged);
    assertThat(result.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(exit).isEqualTo(ExitCodes.FAILED);
    assertThat(result.ending().problems())
        .as("the killed shard is named")
        .anyMatch(p -> p.contains("shard 1/3") && p.contains("never finished"));
    assertThat(out.toString()).contains("status: partial");
  }

  private int mergeTo(Path out, String... shardDirs) {
    List<String> args = new ArrayList<>(List.of("merge"));
    args.addAll(List.of(shardDirs));
    args.addAll(List.of("--out", out.toString()));
    return Main.run(args.toArray(String[]::new));
  }

  private String urls() {
    return mesh.nodes().stream().map(MeshNode::clientUrl).collect(Collectors.joining(","));
  }
}
