package dev.meshcheck.steps;

import dev.meshcheck.report.ConformanceArea;
import dev.meshcheck.report.ConformanceReport;
import dev.meshcheck.report.ConformanceScenario;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the gate answered to one {@link Mutation}: caught (and by which step), skipped, or escaped.
 *
 * @param caughtBy the failed step and the first words of its reason, naming the harness's own
 *     probes when they were what caught it; the skip reason for a skipped one
 */
record MutationOutcome(Mutation mutation, Mutation.Expected answer, String caughtBy, long millis) {
  private static final Pattern MESH_STEP = Pattern.compile("Given a \".*\" mesh$");

  static MutationOutcome of(Mutation mutation, ConformanceReport report, long millis) {
    List<ConformanceScenario> scenarios =
        report.areas().stream().map(ConformanceArea::scenarios).flatMap(List::stream).toList();
    List<ConformanceScenario> failed =
        scenarios.stream().filter(s -> s.status().equals(ConformanceScenario.FAILED)).toList();
    if (!failed.isEmpty()) {
      ConformanceScenario first = failed.get(0);
      boolean readiness = first.reason().contains("not ready");
      if (!readiness && MESH_STEP.matcher(first.failedStep()).find()) {
        // A broken topology file, not a broken mesh: the gate caught nothing.
        return new MutationOutcome(mutation, null, "setup failed: " + first.reason(), millis);
      }
      return new MutationOutcome(
          mutation,
          readiness ? Mutation.Expected.CAUGHT_BY_READINESS : Mutation.Expected.CAUGHT,
          describe(first, readiness),
          millis);
    }
    boolean allSkipped =
        !scenarios.isEmpty()
            && scenarios.stream().allMatch(s -> s.status().equals(ConformanceScenario.SKIPPED));
    if (allSkipped) {
      return new MutationOutcome(
          mutation, Mutation.Expected.SKIPPED, scenarios.get(0).reason(), millis);
    }
    return new MutationOutcome(mutation, null, "escaped: every scenario passed", millis);
  }

  private static String describe(ConformanceScenario failed, boolean readiness) {
    String reason =
        failed.reason().length() > 90 ? failed.reason().substring(0, 90) + "..." : failed.reason();
    String probe =
        readiness
            ? "the harness's readiness probe, in "
            : failed.reason().startsWith("interest propagation")
                ? "the harness's interest probe, in "
                : "";
    return probe + "`" + failed.failedStep() + "`: " + reason.replace('|', '/');
  }

  boolean caught() {
    return answer == Mutation.Expected.CAUGHT || answer == Mutation.Expected.CAUGHT_BY_READINESS;
  }
}
