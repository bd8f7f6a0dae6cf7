package dev.meshcheck.report;

import java.util.List;

/** The scenarios of one area with their counts. */
public record ConformanceArea(
    String area, int passed, int failed, int skipped, List<ConformanceScenario> scenarios) {
  public ConformanceArea {
    scenarios = List.copyOf(scenarios);
  }

  static ConformanceArea of(String area, List<ConformanceScenario> scenarios) {
    return new ConformanceArea(
        area,
        count(scenarios, ConformanceScenario.PASSED),
        count(scenarios, ConformanceScenario.FAILED),
        count(scenarios, ConformanceScenario.SKIPPED),
        scenarios);
  }

  private static int count(List<ConformanceScenario> scenarios, String status) {
    return (int) scenarios.stream().filter(s -> s.status().equals(status)).count();
  }
}
