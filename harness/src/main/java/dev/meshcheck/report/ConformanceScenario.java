package dev.meshcheck.report;

import java.util.List;

/**
 * The outcome of one scenario in the conformance report.
 *
 * @param area the features sub-folder ({@code discovery}, {@code balancing}, ...)
 * @param status passed | failed | skipped
 * @param reason why it failed or was skipped (the first line of the error), empty when passed
 * @param topology the topology it ran on, empty when it did not get to a mesh
 * @param failedStep the step that failed, as {@code line 13: Then every request succeeds}; empty
 *     when none did (passed, skipped, or a hook failed)
 * @param figures what its steps measured (reconnect times, ...), in the order they were measured
 */
public record ConformanceScenario(
    String area,
    String feature,
    String name,
    int line,
    String status,
    String reason,
    String topology,
    String backend,
    String serverVersion,
    long durationMillis,
    String failedStep,
    List<ConformanceFigure> figures) {

  public static final String PASSED = "passed";
  public static final String FAILED = "failed";
  public static final String SKIPPED = "skipped";

  public ConformanceScenario {
    figures = List.copyOf(figures);
    if (!status.equals(PASSED) && !status.equals(FAILED) && !status.equals(SKIPPED)) {
      throw new IllegalArgumentException(
          "status must be passed, failed or skipped, was '" + status + "'");
    }
  }
}
