package dev.meshcheck.cli;

import dev.meshcheck.load.LoadTuning;
import dev.meshcheck.report.RunReportWriter;
import dev.meshcheck.result.RunResult;
import dev.meshcheck.result.RunStatus;
import dev.meshcheck.run.RunRequest;
import dev.meshcheck.run.ScenarioRunner;
import dev.meshcheck.scenario.LoadScenario;
import dev.meshcheck.scenario.LoadScenarioFiles;
import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.TopologyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code meshcheck run <scenario.yaml>}: runs a load scenario and writes its report folder. Exit 0
 * passed, 99 an SLO breached, 1 invalid / partial / harness error, 2 bad input.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run a load scenario (scenarios/*.yaml) and write summary.json, .hlog and .hgrm.")
final class RunCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      description = "the scenario file, such as scenarios/request-reply-3svc-5krps.yaml")
  Path scenarioFile;

  @Option(names = "--topology", description = "run on this topology (name or file) instead")
  String topology;

  @Option(names = "--out", description = "report folder (default: reports/runs/<id>)")
  Path outDir;

  @Mixin MeshOptions mesh;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    ProjectLayout layout = ProjectLayout.discover();
    LoadScenario scenario = LoadScenarioFiles.load(scenarioFile, layout);
    if (topology != null) {
      scenario = scenario.withTopology(TopologyFiles.resolve(topology, layout));
    }
    String runId =
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
            + "-"
            + scenario.name();
    Path dir = outDir != null ? outDir : layout.reports().resolve("runs").resolve(runId);
    java.nio.file.Files.createDirectories(dir);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConsoleProgress progress = new ConsoleProgress(err);
    ScenarioRunner runner =
        new ScenarioRunner(mesh.launcher(), LoadTuning.defaults(), layout.root());
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch written = new CountDownLatch(1);
    Thread onCtrlC = new Thread(() -> stopAndWait(stop, written), "meshcheck-run-interrupt");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try {
      RunResult result = runner.run(scenario, new RunRequest(runId, dir, progress, stop));
      progress.finish();
      RunReportWriter.write(dir, result);
      ResultTable.print(out, result, dir);
      return exitCode(result.status());
    } finally {
      written.countDown();
      removeHook(onCtrlC);
    }
  }

  /** Ctrl-C: stop sending, then hold the JVM until the partial summary is written (bounded). */
  private static void stopAndWait(AtomicBoolean stop, CountDownLatch written) {
    stop.set(true);
    try {
      written.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already exiting (Ctrl-C); the hook has run.
    }
  }

  static int exitCode(RunStatus status) {
    return switch (status) {
      case PASSED -> ExitCodes.OK;
      case SLO_BREACHED -> ExitCodes.THRESHOLD_BREACHED;
      case INVALID, PARTIAL -> ExitCodes.FAILED;
    };
  }
}
