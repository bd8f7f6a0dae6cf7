package dev.meshcheck.run;

import dev.meshcheck.load.LoadProgress;
import dev.meshcheck.result.RunResult;
import dev.meshcheck.scenario.LoadScenario;
import dev.meshcheck.scenario.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one scenario on several topologies, round after round, interleaved ({@code a b c a b c}) so
 * that the machine's noise spreads over every topology; each run launches its own mesh and closes
 * it. Stops after the run in progress when {@code stop} is set.
 *
 * <pre>{@code
 * List<MatrixRunner.Round> plan = MatrixRunner.plan(scenario, topologies, 3);
 * new MatrixRunner(runner).run(plan, runsDir, observer, stop);
 * }</pre>
 */
public final class MatrixRunner {
  private final ScenarioRunner runner;

  /** Told when each run starts and ends, for progress and for writing its folder at once. */
  public interface Observer {
    void started(Round round);

    void finished(Round round, Path folder, RunResult result) throws IOException;
  }

  /**
   * One run of the matrix.
   *
   * @param number the round, from 1
   * @param scenario the scenario on this round's topology
   * @param runId the run's folder name, such as {@code cluster-3-r2}
   */
  public record Round(int number, LoadScenario scenario, String runId) {
    public Topology topology() {
      return scenario.topology();
    }
  }

  public MatrixRunner(ScenarioRunner runner) {
    this.runner = runner;
  }

  /**
   * The runs in the order they will go: round 1 on every topology, then round 2, ...
   *
   * @throws dev.meshcheck.scenario.BadInputException when the scenario's placement does not fit a
   *     topology (before anything runs)
   */
  public static List<Round> plan(LoadScenario scenario, List<Topology> topologies, int rounds) {
    if (rounds < 1) {
      throw new IllegalArgumentException("--repeat must be at least 1, was " + rounds);
    }
    List<LoadScenario> placed = topologies.stream().map(scenario::withTopology).toList();
    List<Round> plan = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      for (LoadScenario onTopology : placed) {
        plan.add(new Round(round, onTopology, onTopology.topology().name() + "-r" + round));
      }
    }
    return plan;
  }

  /** Runs the plan; returns the results of the runs that started, in plan order. */
  public List<RunResult> run(
      List<Round> plan, Path runsDir, Observer observer, LoadProgress progress, AtomicBoolean stop)
      throws IOException {
    List<RunResult> results = new ArrayList<>();
    for (Round round : plan) {
      if (stop.get()) {
        break;
      }
      observer.started(round);
      Path folder = runsDir.resolve(round.runId());
      java.nio.file.Files.createDirectories(folder);
      RunResult result =
          runner.run(round.scenario(), new RunRequest(round.runId(), folder, progress, stop));
      observer.finished(round, folder, result);
      results.add(result);
    }
    return results;
  }
}
