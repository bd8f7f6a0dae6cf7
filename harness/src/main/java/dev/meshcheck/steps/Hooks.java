package dev.meshcheck.steps;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.ParameterType;
import io.cucumber.java.Scenario;

/**
 * Begins each scenario (its id, tags and log for the parts that need them), closes its parts after
 * the last step, and defines the {@code {node}} parameter type: a node number ({@code 2}) or name
 * ({@code west-1}).
 */
public final class Hooks {
  private final ScenarioContext context;
  private final ScenarioParts parts;

  public Hooks(ScenarioContext context, ScenarioParts parts) {
    this.context = context;
    this.parts = parts;
  }

  @Before(order = 0)
  public void beginScenario(Scenario scenario) {
    context.begin(scenario);
  }

  /** Runs last: closes services, subscriptions and clients, then gives the mesh back. */
  @After(order = 0)
  public void endScenario() {
    parts.close();
  }

  @ParameterType("\\d+|[A-Za-z][A-Za-z0-9_-]*")
  public String node(String nodeName) {
    return nodeName;
  }
}
