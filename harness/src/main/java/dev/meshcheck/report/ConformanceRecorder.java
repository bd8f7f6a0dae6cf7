package dev.meshcheck.report;

/**
 * What the conformance glue tells the report about a scenario beyond pass or fail, as typed values.
 * Scenarios are named by Cucumber's test case id ({@code io.cucumber.java.Scenario#getId()}), which
 * is the id the report sees when the scenario finishes. Implementations are thread-safe.
 *
 * <pre>{@code
 * recorder.environment(scenario.getId(), new ScenarioEnvironment("cluster-3", "processes", "2.9.10"));
 * recorder.figure(scenario.getId(), new ConformanceFigure("reconnect", "ms", Map.of("back", 105L)));
 * }</pre>
 */
public interface ConformanceRecorder {
  /** The mesh the scenario runs on; the last call for a scenario wins. */
  void environment(String scenarioId, ScenarioEnvironment environment);

  /** A figure the scenario measured; a scenario may add several. */
  void figure(String scenarioId, ConformanceFigure figure);

  /**
   * The scenario did not run to its end because the run was stopped (Ctrl-C): whatever Cucumber
   * reports for it is no verdict, and the conformance report leaves it out of its counts.
   */
  void interrupted(String scenarioId);

  /** A recorder that keeps nothing, for glue used without a report. */
  static ConformanceRecorder discarding() {
    return new ConformanceRecorder() {
      @Override
      public void environment(String scenarioId, ScenarioEnvironment environment) {}

      @Override
      public void figure(String scenarioId, ConformanceFigure figure) {}

      @Override
      public void interrupted(String scenarioId) {}
    };
  }
}
