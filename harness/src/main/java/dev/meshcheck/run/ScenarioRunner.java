package dev.meshcheck.run;

import dev.meshcheck.load.Clock;
import dev.meshcheck.load.LoadRun;
import dev.meshcheck.load.LoadTuning;
import dev.meshcheck.measure.ServerStats;
import dev.meshcheck.report.ShardFile;
import dev.meshcheck.result.Ending;
import dev.meshcheck.result.FaultEvent;
import dev.meshcheck.result.FaultOutcome;
import dev.meshcheck.result.MeshFacts;
import dev.meshcheck.result.RecoveryAnalysis;
import dev.meshcheck.result.RunEnvironment;
import dev.meshcheck.result.RunIdentity;
import dev.meshcheck.result.RunResult;
import dev.meshcheck.result.ServerCounters;
import dev.meshcheck.result.ShardRecord;
import dev.meshcheck.result.SloEvaluator;
import dev.meshcheck.result.WorkloadLedger;
import dev.meshcheck.result.WorkloadResult;
import dev.meshcheck.scenario.BadInputException;
import dev.meshcheck.scenario.LoadScenario;
import dev.meshcheck.topology.MeshLauncher;
import dev.meshcheck.topology.MeshNode;
import dev.meshcheck.topology.RunningMesh;
import dev.meshcheck.topology.faults.LinkKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs a load scenario: launches (or attaches to) its mesh, reads the servers' counters, runs the
 * workload, reads them again, evaluates the SLOs, and closes the mesh. What goes wrong during the
 * run becomes a problem in a partial {@link RunResult}, so that a report is always written; only
 * bad input (a placement the mesh cannot take) is thrown. Used by {@code run}, {@code matrix} and
 * the tests.
 *
 * <pre>{@code
 * ScenarioRunner runner = new ScenarioRunner(launcher, LoadTuning.defaults(), layout.root());
 * RunResult result = runner.run(scenario, new RunRequest(id, dir, LoadProgress.silent(), stop));
 * }</pre>
 */
public final class ScenarioRunner {
  private final MeshLauncher launcher;
  private final LoadTuning tuning;
  private final Path checkout;

  /**
   * @param checkout the checkout whose git commit is recorded with each result
   */
  public ScenarioRunner(MeshLauncher launcher, LoadTuning tuning, Path checkout) {
    this.launcher = launcher;
    this.tuning = tuning;
    this.checkout = checkout;
  }

  /**
   * Refuses, before the command makes a run folder, what {@link #run} would refuse: a TLS topology,
   * a fault the backend cannot do, and then a mesh that is not there. A shard does not ask for the
   * mesh here: one that cannot reach it still writes its folder, for the merge to name.
   *
   * @throws BadInputException naming the file and field, or the option
   */
  public void preflight(LoadScenario scenario, ShardPlan plan) {
    refuseTls(scenario);
    FaultPlan.linkKindsFor(scenario, launcher);
    if (!plan.isShard()) {
      launcher.requireReachable();
    }
  }

  /**
   * @throws BadInputException when the workload's placement names nodes the launched mesh lacks, or
   *     its fault timeline asks for a fault the backend cannot do (before anything starts)
   */
  public RunResult run(LoadScenario scenario, RunRequest request) {
    return run(scenario, request, ShardPlan.whole());
  }

  /**
   * Runs {@code plan}'s share of the scenario. A shard also writes {@code shard.json} into the run
   * folder: when it starts, and with its ledger when it ends (see {@link ShardFile}).
   *
   * @throws BadInputException when the workload's placement names nodes the launched mesh lacks
   */
  public RunResult run(LoadScenario scenario, RunRequest request, ShardPlan plan) {
    refuseTls(scenario);
    RunIdentity identity =
        new RunIdentity(
            request.runId(), scenario.name(), scenario.file().toString(), Instant.now());
    RunEnvironment environment =
        EnvironmentCapture.capture(checkout, tuning, scenario.workload().client());
    MeshFacts mesh = MeshFacts.notLaunched(scenario.topology().name());
    List<String> problems = new ArrayList<>();
    List<WorkloadResult> results = new ArrayList<>();
    ServerCounters counters = ServerCounters.none();
    ShardRecord shard =
        ShardRecord.started(
            plan.shard(),
            scenario.name(),
            scenario.topology().name(),
            plan.startAt().orElse(identity.startedAt()));
    WorkloadLedger ledger = new WorkloadLedger(List.of(), List.of());
    Set<LinkKind> faultableLinks = FaultPlan.linkKindsFor(scenario, launcher);
    List<FaultEvent> events = List.of();
    if (plan.isShard()) {
      // Before the mesh is reached: a shard that cannot reach it is still named by the merge.
      writeShardFile(request.outDir(), shard, problems);
    }
    try (RunningMesh running = launcher.launch(scenario.topology(), faultableLinks)) {
      mesh = facts(running);
      List<ServerStats> before = ServerStats.snapshot(running.nodes());
      // Shards subtract each other's send times: all of them read the wall clock.
      Clock clock = plan.isShard() ? Clock.epochAligned() : Clock.system();
      FaultTimelineRunner timeline = new FaultTimelineRunner(scenario.faults(), running, clock);
      LoadRun run =
          new LoadRun(scenario.name(), scenario.workload(), running, tuning, clock)
              .inShard(plan.shard(), plan.startAt())
              .withPhaseListener(timeline);
      try {
        results.add(
            run.execute(
                request.outDir().resolve(scenario.name() + ".hlog"),
                request.progress(),
                request.stop()));
      } finally {
        events = timeline.events();
      }
      ledger = run.ledger();
      counters = new ServerCounters(before, ServerStats.snapshot(running.nodes()));
      environment = environment.withPeakHeap(EnvironmentCapture.peakHeapUsedBytes());
    } catch (BadInputException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problems.add("interrupted");
    } catch (Exception e) {
      problems.add(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    if (plan.isShard()) {
      writeShardFile(request.outDir(), shard.finished(problems, ledger), problems);
    }
    return new RunResult(
        identity,
        mesh,
        results,
        SloEvaluator.evaluate(scenario.slo(), results),
        counters,
        environment,
        new Ending(request.stop().get(), problems),
        faultOutcome(events, results));
  }

  private static FaultOutcome faultOutcome(List<FaultEvent> events, List<WorkloadResult> results) {
    if (events.isEmpty() || results.isEmpty()) {
      return new FaultOutcome(events, List.of());
    }
    return new FaultOutcome(events, RecoveryAnalysis.of(events, results.get(0)));
  }

  private static void writeShardFile(Path dir, ShardRecord record, List<String> problems) {
    try {
      ShardFile.write(dir, record);
    } catch (java.io.IOException e) {
      problems.add("could not write " + dir.resolve(ShardFile.NAME) + ": " + e.getMessage());
    }
  }

  /**
   * The load clients dial plain TCP: against a TLS mesh jnats would refuse the server and the wire
   * client cannot upgrade, so such a run is refused before anything starts.
   */
  private static void refuseTls(LoadScenario scenario) {
    if (scenario.topology().tls()) {
      throw new BadInputException(
          scenario.file(),
          0,
          "topology",
          "topology '"
              + scenario.topology().name()
              + "' uses TLS (tls: true), which the load clients (jnats and wire) of meshcheck run"
              + " do not speak yet; run the TLS features with meshcheck check, or a topology"
              + " without tls");
    }
  }

  private static MeshFacts facts(RunningMesh mesh) {
    return new MeshFacts(
        mesh.topology().name(),
        mesh.backend().cliName(),
        mesh.serverVersion(),
        mesh.clientAccess().name().toLowerCase(),
        mesh.image().orElse("none"),
        mesh.nodes().stream().map(ScenarioRunner::describe).toList());
  }

  private static String describe(MeshNode node) {
    return node.name() + " " + node.clientUrl();
  }
}
