package dev.meshcheck.steps;

import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.ParameterType;
import io.cucumber.java.Scenario;

/**
 * Opens and closes each scenario's {@link MeshWorld}, closes the pooled meshes when the run ends,
 * and defines the {@code {node}} parameter type: a node number ({@code 2}) or name ({@code
 * west-1}).
 */
public final class Hooks {
  private final MeshWorld world;

  public Hooks(MeshWorld world) {
    this.world = world;
  }

  @Before(order = 0)
  public void beginScenario(Scenario scenario) {
    world.beginScenario(
        new ScenarioContext(
            scenario.getSourceTagNames(), scenario.getUri().toString(), scenario::log));
  }

  @After(order = 0)
  public void endScenario() {
    world.close();
  }

  @AfterAll
  public static void closePooledMeshes() {
    MeshPool.shared().closeAll();
  }

  @ParameterType("\\d+|[A-Za-z][A-Za-z0-9_-]*")
  public String node(String nodeName) {
    return nodeName;
  }
}
