package dev.meshcheck.cli;

import dev.meshcheck.measure.Metric;
import dev.meshcheck.report.RunReportReader;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Three shards against one process running the same total workload, on one cluster-3 of local
 * nats-server processes, in interleaved rounds: delivered per second, p50 and p99 of the merged run
 * and of the single one, and each shard's own delivered rate. Both sides are separate JVMs started
 * the same way. A measurement, not a test.
 *
 * <pre>{@code
 * java -cp harness/target/test-classes:harness/target/classes:<deps> \
 *     dev.meshcheck.cli.ShardScalingMeasurement <scenario.yaml> [rounds]
 * }</pre>
 */
final class ShardScalingMeasurement {
  private ShardScalingMeasurement() {}

  public static void main(String[] args) throws Exception {
    Path scenario = Path.of(args[0]).toAbsolutePath();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path out = Files.createTempDirectory("meshcheck-shard-scaling");
    List<double[]> single = new ArrayList<>();
    List<double[]> sharded = new ArrayList<>();
    try (RunningMesh mesh =
        MeshLaunchers.forBackend(Backend.PROCESSES, LauncherSettings.fromEnvironment())
            .launch(TopologyFiles.resolve("cluster-3", ProjectLayout.discover()))) {
      for (int round = 1; round <= rounds; round++) {
        Path roundDir = out.resolve("round-" + round);
        WorkloadResult one = singleProcess(scenario, mesh, roundDir.resolve("single"));
        single.add(figures(one));
        List<Path> dirs =
            ShardProcesses.runOnTime(
                scenario,
                3,
                mesh,
                roundDir,
                shards -> {
                  shards.awaitAll(600);
                  return shards.dirs();
                });
        List<String> mergeArgs = new ArrayList<>(List.of("merge"));
        dirs.forEach(d -> mergeArgs.add(d.toString()));
        mergeArgs.addAll(List.of("--out", roundDir.resolve("merged").toString()));
        Main.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(System.err, true),
            mergeArgs.toArray(String[]::new));
        WorkloadResult merged = RunReportReader.read(roundDir.resolve("merged")).workload();
        sharded.add(figures(merged));
        String perShard =
            dirs.stream()
                .map(d -> RunReportReader.read(d).workload())
                .map(
                    w ->
                        String.format(
                            "%.0f/%.0f",
                            w.rates().achievedPerSecond(), w.rates().deliveredPerSecond()))
                .collect(Collectors.joining(" "));
        System.out.printf(
            "round %d  single: %s  3 shards: %s  per shard sent/delivered per s: %s  load %.1f%n",
            round,
            describe(single.get(round - 1)),
            describe(sharded.get(round - 1)),
            perShard,
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
      }
    }
    System.out.printf(
        "median  single: %s  3 shards: %s  (folders in %s)%n",
        describe(median(single)), describe(median(sharded)), out);
  }

  private static WorkloadResult singleProcess(Path scenario, RunningMesh mesh, Path dir)
      throws Exception {
    Files.createDirectories(dir.getParent());
    Process run =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                ShardProcesses.jar().toString(),
                "run",
                scenario.toString(),
                "--url",
                mesh.nodes().stream().map(MeshNode::clientUrl).collect(Collectors.joining(",")),
                "--monitor-url",
                mesh.nodes().stream()
                    .map(n -> n.monitorUrl().toString())
                    .collect(Collectors.joining(",")),
                "--out",
                dir.toString())
            .directory(ShardProcesses.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.getParent().resolve("single.log").toFile())
            .start();
    run.waitFor(600, TimeUnit.SECONDS);
    return RunReportReader.read(dir).workload();
  }

  /** Sent per second, delivered per second, p50 and p99 in microseconds, lost. */
  private static double[] figures(WorkloadResult w) {
    return new double[] {
      w.rates().achievedPerSecond(),
      w.rates().deliveredPerSecond(),
      w.percentiles(Metric.LATENCY).p50(),
      w.percentiles(Metric.LATENCY).p99(),
      w.counts().lost()
    };
  }

  private static String describe(double[] f) {
    return String.format(
        "sent %.0f/s delivered %.0f/s p50 %.0f us p99 %.0f us lost %.0f",
        f[0], f[1], f[2], f[3], f[4]);
  }

  private static double[] median(List<double[]> rows) {
    double[] median = new double[rows.get(0).length];
    for (int i = 0; i < median.length; i++) {
      int column = i;
      double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
      median[i] = values[values.length / 2];
    }
    return median;
  }
}
