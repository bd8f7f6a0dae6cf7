package dev.meshcheck.run;

import dev.meshcheck.load.Clock;
import dev.meshcheck.load.LoadRun;
import dev.meshcheck.load.LoadTuning;
import dev.meshcheck.measure.ServerStats;
import dev.meshcheck.result.Ending;
import dev.meshcheck.result.MeshFacts;
import dev.meshcheck.result.RunEnvironment;
import dev.meshcheck.result.RunIdentity;
import dev.meshcheck.result.RunResult;
import dev.meshcheck.result.ServerCounters;
import dev.meshcheck.result.SloEvaluator;
import dev.meshcheck.result.WorkloadResult;
import dev.meshcheck.scenario.BadInputException;
import dev.meshcheck.scenario.LoadScenario;
import dev.meshcheck.topology.MeshLauncher;
import dev.meshcheck.topology.MeshNode;
import dev.meshcheck.topology.RunningMesh;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
   * @throws BadInputException when the workload's placement names nodes the launched mesh lacks
   */
  public RunResult run(LoadScenario scenario, RunRequest request) {
    refuseTls(scenario);
    RunIdentity identity =
        new RunIdentity(
            request.runId(), scenario.name(), scenario.file().toString(), Instant.now());
    RunEnvironment environment = EnvironmentCapture.capture(checkout, tuning);
    MeshFacts mesh = MeshFacts.notLaunched(scenario.topology().name());
    List<String> problems = new ArrayList<>();
    List<WorkloadResult> results = new ArrayList<>();
    ServerCounters counters = ServerCounters.none();
    try (RunningMesh running = launcher.launch(scenario.topology())) {
      mesh = facts(running);
      List<ServerStats> before = ServerStats.snapshot(running.nodes());
      LoadRun run =
          new LoadRun(scenario.name(), scenario.workload(), running, tuning, Clock.system());
      results.add(
          run.execute(
              request.outDir().resolve(scenario.name() + ".hlog"),
              request.progress(),
              request.stop()));
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
    return new RunResult(
        identity,
        mesh,
        results,
        SloEvaluator.evaluate(scenario.slo(), results),
        counters,
        environment,
        new Ending(request.stop().get(), problems));
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
