package dev.meshcheck.steps;

import io.cucumber.java.Scenario;
import java.util.Collection;
import java.util.List;

/**
 * What the glue knows about the scenario it serves: its id (the report's key), tags, feature file
 * and where to write lines that end up in the reports. Made empty by {@link GlueFactory} for each
 * scenario and filled by {@link Hooks} before the first step. Not thread-safe: steps run on one
 * thread.
 */
public final class ScenarioContext {
  private Scenario scenario;

  void begin(Scenario running) {
    this.scenario = running;
  }

  /** Cucumber's id of the running test case; empty before the scenario began. */
  public String id() {
    return scenario == null ? "" : scenario.getId();
  }

  public Collection<String> tags() {
    return scenario == null ? List.of() : scenario.getSourceTagNames();
  }

  /** Adds a line to the scenario's output in the Cucumber reports. */
  public void log(String line) {
    if (scenario != null) {
      scenario.log(line);
    }
  }
}
