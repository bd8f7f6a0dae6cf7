package dev.meshcheck.cli;

import dev.meshcheck.compare.MatrixTable;
import dev.meshcheck.load.LoadTuning;
import dev.meshcheck.report.ComparisonMarkdown;
import dev.meshcheck.report.MatrixJson;
import dev.meshcheck.report.html.ReportPages;
import dev.meshcheck.result.RunResult;
import dev.meshcheck.result.RunStatus;
import dev.meshcheck.run.MatrixRunner;
import dev.meshcheck.run.ScenarioRunner;
import dev.meshcheck.run.ShardPlan;
import dev.meshcheck.scenario.BadInputException;
import dev.meshcheck.scenario.LoadScenario;
import dev.meshcheck.scenario.LoadScenarioFiles;
import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.scenario.TopologyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code meshcheck matrix <scenario.yaml> --topologies a,b,c [--repeat N]}: the same workload on
 * each topology, rounds interleaved, one report folder with a side-by-side table. Exit 0 when every
 * run passed, 99 when an SLO was breached, 1 when a run was invalid or partial, 2 on bad input.
 */
@Command(
    name = "matrix",
    mixinStandardHelpOptions = true,
    description =
        "Run one scenario on several topologies (rounds interleaved) and write a side-by-side"
            + " report: matrix.md, matrix.json, index.html, and each run's folder under runs/.")
final class MatrixCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "the scenario file")
  Path scenarioFile;

  @Option(
      names = "--topologies",
      split = ",",
      required = true,
      description = "topology names or files, the first is the reference: single,cluster-3")
  List<String> topologyNames;

  @Option(
      names = "--repeat",
      defaultValue = "1",
      description = "rounds (default: ${DEFAULT-VALUE})")
  int repeat;

  @Option(names = "--out", description = "report folder (default: reports/matrix/<id>)")
  Path outDir;

  @Mixin MeshOptions mesh;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    ProjectLayout layout = ProjectLayout.discover();
    scenarioFile = layout.scenarioFile(scenarioFile);
    LoadScenario scenario = LoadScenarioFiles.load(scenarioFile, layout);
    List<Topology> topologies = new ArrayList<>();
    for (String name : topologyNames) {
      topologies.add(TopologyFiles.resolve(name.trim(), layout));
    }
    if (repeat < 1) {
      throw BadInputException.option("--repeat", "must be at least 1, was " + repeat);
    }
    List<MatrixRunner.Round> plan = MatrixRunner.plan(scenario, topologies, repeat);
    ScenarioRunner runner =
        new ScenarioRunner(mesh.launcher(), LoadTuning.defaults(), layout.root());
    for (MatrixRunner.Round round : plan) {
      runner.preflight(round.scenario(), ShardPlan.whole());
    }
    Path dir =
        OutputFolders.create(
            outDir != null
                ? outDir
                : layout
                    .reports()
                    .resolve("matrix")
                    .resolve(RunFolders.stampedId(scenario.name())));
    Files.createDirectories(dir.resolve("runs"));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<RunResult> results;
    try (CtrlC ctrlC = CtrlC.install()) {
      results =
          new MatrixRunner(runner)
              .run(
                  plan,
                  dir.resolve("runs"),
                  observer(out, err, plan.size()),
                  new ConsoleProgress(err),
                  ctrlC.stopFlag());
      MatrixTable table = table(topologies, results);
      String backend = results.isEmpty() ? "none" : results.get(0).mesh().backend();
      String markdown = ComparisonMarkdown.of(scenario.name(), backend, table);
      Files.writeString(dir.resolve("matrix.md"), markdown, StandardCharsets.UTF_8);
      MatrixJson.write(dir.resolve("matrix.json"), scenario.name(), backend, table);
      ReportPages.writeMatrix(
          dir,
          scenario.name(),
          backend,
          table,
          r -> "runs/" + r.identity().runId() + "/index.html");
      RunFolders.refreshIndex(layout.reports(), err);
      out.println();
      out.print(markdown);
      out.printf("%nreport: %s%n", dir.resolve("index.html").toAbsolutePath());
      out.flush();
      if (ctrlC.stopFlag().get() || results.size() < plan.size()) {
        err.println(
            "meshcheck: interrupted after " + results.size() + " of " + plan.size() + " runs");
        return ExitCodes.FAILED;
      }
    }
    return exitCode(results);
  }

  private static MatrixRunner.Observer observer(PrintWriter out, PrintWriter err, int total) {
    return new MatrixRunner.Observer() {
      private int done;

      @Override
      public void started(MatrixRunner.Round round) {
        err.printf(
            "matrix: run %d of %d: %s, round %d%n",
            done + 1, total, round.topology().name(), round.number());
        err.flush();
      }

      @Override
      public void finished(MatrixRunner.Round round, Path folder, RunResult result)
          throws IOException {
        done++;
        RunFolders.write(folder, result);
        err.printf("matrix: %s %s%n", round.runId(), result.status().json());
        err.flush();
      }
    };
  }

  private static MatrixTable table(List<Topology> topologies, List<RunResult> results) {
    Map<String, List<RunResult>> byTopology = new LinkedHashMap<>();
    topologies.forEach(t -> byTopology.put(t.name(), new ArrayList<>()));
    results.forEach(r -> byTopology.get(r.mesh().topology()).add(r));
    List<MatrixTable.Column> columns = new ArrayList<>();
    byTopology.forEach((name, runs) -> columns.add(new MatrixTable.Column(name, runs)));
    return MatrixTable.of(columns, MatrixTable.DEFAULT_METRICS);
  }

  private static int exitCode(List<RunResult> results) {
    if (results.stream()
        .anyMatch(r -> r.status() == RunStatus.INVALID || r.status() == RunStatus.PARTIAL)) {
      return ExitCodes.FAILED;
    }
    if (results.stream().anyMatch(r -> r.status() == RunStatus.SLO_BREACHED)) {
      return ExitCodes.THRESHOLD_BREACHED;
    }
    return ExitCodes.OK;
  }
}
