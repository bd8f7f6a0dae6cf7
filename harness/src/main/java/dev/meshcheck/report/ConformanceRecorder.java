package dev.meshcheck.report;

/**
 * What the conformance glue tells the report about a scenario beyond pass or fail, as typed values.
 * Scenarios are named by Cucumber's test case id ({@code io.cucumber.java.Scenario#getId()}), which
 * is the id the report sees when the scenario finishes. Implementations are thread-safe.
 *
 * <pre>{@code
 * recorder.environment(scenario.getId(), new ScenarioEnvironment("cluster-3", "processes", "2.9.10"));
 * }</pre>
 */
public interface ConformanceRecorder {
  /** The mesh the scenario runs on; the last call for a scenario wins. */
  void environment(String scenarioId, ScenarioEnvironment environment);

  /** A recorder that keeps nothing, for glue used without a report. */
  static ConformanceRecorder discarding() {
    return (scenarioId, environment) -> {};
  }
}
