package dev.meshcheck.cli;

import dev.meshcheck.load.LoadTuning;
import dev.meshcheck.result.RunResult;
import dev.meshcheck.result.RunStatus;
import dev.meshcheck.run.RunRequest;
import dev.meshcheck.run.ScenarioRunner;
import dev.meshcheck.run.ShardPlan;
import dev.meshcheck.scenario.BadInputException;
import dev.meshcheck.scenario.FaultStep;
import dev.meshcheck.scenario.LoadScenario;
import dev.meshcheck.scenario.LoadScenarioFiles;
import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.Shard;
import dev.meshcheck.scenario.Timing;
import dev.meshcheck.scenario.TopologyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code meshcheck run <scenario.yaml>}: runs a load scenario and writes its report folder. Exit 0
 * passed, 99 an SLO breached, 1 invalid / partial / harness error, 2 bad input.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run a load scenario (scenarios/*.yaml) and write summary.json, .hlog, .hgrm and an HTML"
            + " report (index.html).")
final class RunCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      description = "the scenario file, such as scenarios/request-reply-3svc-5krps.yaml")
  Path scenarioFile;

  @Option(names = "--topology", description = "run on this topology (name or file) instead")
  String topology;

  @Option(names = "--out", description = "report folder (default: reports/runs/<id>)")
  Path outDir;

  @Option(
      names = "--shard",
      paramLabel = "i/N",
      description =
          "run the i-th of N shares of the workload (0 <= i < N): its share of senders, receivers"
              + " and rate; needs --start-at; merge the shards' folders with 'meshcheck merge'")
  String shard;

  @Option(
      names = "--start-at",
      paramLabel = "INSTANT",
      description =
          "start the warm-up at this instant (ISO-8601, such as 2026-12-02T10:00:00Z), the same"
              + " for every shard; a shard that is not ready by then fails")
  String startAt;

  @Option(
      names = "--warmup",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "warm up this long instead of the scenario's workload.warmup (such as 1s)")
  Duration warmup;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "measure this long instead of the scenario's workload.duration (such as 2s): a short"
              + " run of a long scenario; the report records the timing that ran")
  Duration duration;

  @Mixin MeshOptions mesh;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    ProjectLayout layout = ProjectLayout.discover();
    scenarioFile = layout.scenarioFile(scenarioFile);
    LoadScenario scenario = LoadScenarioFiles.load(scenarioFile, layout);
    if (topology != null) {
      scenario = scenario.withTopology(TopologyFiles.resolve(topology, layout));
    }
    scenario = retimed(scenario);
    ShardPlan plan = shardPlan(scenario);
    String runId =
        RunFolders.stampedId(
            scenario.name() + (plan.shard().isWhole() ? "" : "-shard" + plan.shard().index()));
    ScenarioRunner runner =
        new ScenarioRunner(mesh.launcher(), LoadTuning.defaults(), layout.root());
    runner.preflight(scenario, plan);
    Path dir =
        OutputFolders.create(
            outDir != null ? outDir : layout.reports().resolve("runs").resolve(runId));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConsoleProgress progress = new ConsoleProgress(err);
    try (CtrlC ctrlC = CtrlC.install()) {
      RunResult result =
          runner.run(scenario, new RunRequest(runId, dir, progress, ctrlC.stopFlag()), plan);
      progress.finish();
      RunFolders.write(dir, result);
      RunFolders.refreshIndex(layout.reports(), err);
      ResultTable.print(out, result, dir);
      return exitCode(result.status());
    }
  }

  private LoadScenario retimed(LoadScenario scenario) {
    if (warmup == null && duration == null) {
      return scenario;
    }
    Timing timing = scenario.workload().timing();
    Duration measure = duration != null ? duration : timing.measure();
    if (measure.isZero()) {
      throw new ParameterException(spec.commandLine(), "--duration must be longer than 0s");
    }
    Optional<Duration> lastFault =
        scenario.faults().stream().map(FaultStep::at).max(Comparator.naturalOrder());
    if (lastFault.isPresent() && lastFault.get().compareTo(measure) >= 0) {
      throw new ParameterException(
          spec.commandLine(),
          "--duration "
              + seconds(measure)
              + " ends the measured phase before the fault timeline's step at "
              + seconds(lastFault.get())
              + "; give a longer one");
    }
    return scenario.withTiming(
        new Timing(warmup != null ? warmup : timing.warmup(), measure, timing.requestTimeout()));
  }

  private static String seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + "s";
  }

  private ShardPlan shardPlan(LoadScenario scenario) {
    Shard share = shard == null ? Shard.whole() : parseShard(shard);
    Optional<Instant> start = Optional.ofNullable(startAt).map(RunCommand::parseInstant);
    if (!share.isWhole() && start.isEmpty()) {
      throw BadInputException.option(
          "--shard", share + " needs --start-at, so that every shard measures the same seconds");
    }
    share.requireSplittable(scenario);
    return new ShardPlan(share, start);
  }

  private static Shard parseShard(String text) {
    return Shard.parse(text)
        .orElseThrow(
            () ->
                BadInputException.option(
                    "--shard", "must be i/N with 0 <= i < N (such as 0/3), was '" + text + "'"));
  }

  /** An ISO-8601 instant, for {@code --start-at} of {@code run} and {@code k8s}. */
  static Instant parseInstant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw BadInputException.option(
          "--start-at",
          "must be an ISO-8601 instant such as 2026-12-02T10:00:00Z, was '" + text + "'");
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
