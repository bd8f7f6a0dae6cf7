package dev.meshcheck.steps;

import dev.meshcheck.report.ConformanceRecorder;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.ParameterType;
import io.cucumber.java.Scenario;
import io.cucumber.java.Status;
import org.opentest4j.TestAbortedException;

/**
 * Begins each scenario (its id, tags and log for the parts that need them) unless the run was asked
 * to stop, closes its parts after the last step, and defines the {@code {node}} parameter type: a
 * node number ({@code 2}) or name ({@code west-1}).
 */
public final class Hooks {
  private final ScenarioContext context;
  private final ScenarioParts parts;
  private final StopRequest stop;
  private final ConformanceRecorder recorder;

  public Hooks(
      ScenarioContext context,
      ScenarioParts parts,
      StopRequest stop,
      ConformanceRecorder recorder) {
    this.context = context;
    this.parts = parts;
    this.stop = stop;
    this.recorder = recorder;
  }

  /** A scenario that begins after the run was asked to stop is skipped without a mesh. */
  @Before(order = 0)
  public void beginScenario(Scenario scenario) {
    context.begin(scenario);
    if (stop.isRequested()) {
      recorder.interrupted(scenario.getId());
      throw new TestAbortedException("not run: the run was stopped (Ctrl-C) before it began");
    }
  }

  /**
   * Runs last: closes services, subscriptions and clients, then gives the mesh back. A scenario
   * that failed while the run was stopping may have failed because of the stop (on Ctrl-C the
   * meshes close at once), so its failure is no verdict and the report leaves it out.
   */
  @After(order = 0)
  public void endScenario(Scenario scenario) {
    try {
      if (stop.isRequested()
          && scenario.getStatus() != Status.PASSED
          && scenario.getStatus() != Status.SKIPPED) {
        recorder.interrupted(scenario.getId());
        scenario.log(
            "The run was stopped (Ctrl-C) while this scenario ran; its meshes were closed under"
                + " it, so this failure is no verdict.");
      }
    } finally {
      parts.close();
    }
  }

  @ParameterType("\\d+|[A-Za-z][A-Za-z0-9_-]*")
  public String node(String nodeName) {
    return nodeName;
  }
}
