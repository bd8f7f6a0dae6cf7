package dev.meshcheck.report;

import dev.meshcheck.result.RunResult;
import dev.meshcheck.result.RunStatus;
import dev.meshcheck.result.SloCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SLO checks of a run as a JUnit XML test suite, one test case per check. An invalid run adds a
 * failed "run is valid" case; a partial run adds a failed "run is complete" case that says why, and
 * its SLO cases are skipped: not judged (run partial).
 */
final class SloJunitXml {
  private SloJunitXml() {}

  static String of(RunResult outcome) {
    Optional<String> runError = runError(outcome);
    boolean judged = outcome.slosJudged();
    long failures = judged ? outcome.sloChecks().stream().filter(c -> !c.passed()).count() : 0;
    long skipped = judged ? 0 : outcome.sloChecks().size();
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append(
        String.format(
            "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\">%n",
            escape("slo." + outcome.identity().scenario()),
            outcome.sloChecks().size() + (runError.isPresent() ? 1 : 0),
            failures,
            runError.isPresent() ? 1 : 0,
            skipped));
    runError.ifPresent(
        message ->
            xml.append(
                String.format(
                    "  <testcase classname=\"%s\" name=\"%s\"><error message=\"%s\"/></testcase>%n",
                    escape(outcome.identity().scenario()),
                    outcome.status() == RunStatus.PARTIAL ? "run is complete" : "run is valid",
                    escape(message))));
    for (SloCheck check : outcome.sloChecks()) {
      xml.append(
          String.format(
              "  <testcase classname=\"%s\" name=\"%s\">",
              escape(outcome.identity().scenario() + "." + check.workload()),
              escape(check.name())));
      if (!judged) {
        xml.append(
            String.format(
                "<skipped message=\"%s\"/>",
                escape(RunResult.NOT_JUDGED + "; measured so far: " + check.describe())));
      } else if (!check.passed()) {
        xml.append(String.format("<failure message=\"%s\"/>", escape(check.describe())));
      }
      xml.append("</testcase>\n");
    }
    return xml.append("</testsuite>\n").toString();
  }

  /** Why the run as a whole failed: it is partial or invalid; empty when it is neither. */
  private static Optional<String> runError(RunResult outcome) {
    if (outcome.status() == RunStatus.PARTIAL) {
      return Optional.of(
          "run is partial: " + String.join("; ", outcome.partialReasons()) + "; SLOs not judged");
    }
    if (outcome.status() == RunStatus.INVALID) {
      List<String> reasons = new ArrayList<>(outcome.ending().problems());
      outcome.workloads().forEach(w -> reasons.addAll(w.validity().invalidReasons()));
      return Optional.of("run is invalid: " + String.join("; ", reasons));
    }
    return Optional.empty();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
