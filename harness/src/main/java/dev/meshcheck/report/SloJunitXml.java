package dev.meshcheck.report;

import dev.meshcheck.result.RunResult;
import dev.meshcheck.result.RunStatus;
import dev.meshcheck.result.SloCheck;

/** The SLO checks of a run as a JUnit XML test suite, one test case per check. */
final class SloJunitXml {
  private SloJunitXml() {}

  static String of(RunResult outcome) {
    long failures = outcome.sloChecks().stream().filter(c -> !c.passed()).count();
    boolean invalid =
        outcome.status() == RunStatus.INVALID || outcome.status() == RunStatus.PARTIAL;
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append(
        String.format(
            "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\">%n",
            escape("slo." + outcome.identity().scenario()),
            outcome.sloChecks().size() + (invalid ? 1 : 0),
            failures,
            invalid ? 1 : 0));
    if (invalid) {
      xml.append(
          String.format(
              "  <testcase classname=\"%s\" name=\"run is valid\"><error message=\"%s\"/></testcase>%n",
              escape(outcome.identity().scenario()),
              escape("run is " + outcome.status().json() + ": " + reasons(outcome))));
    }
    for (SloCheck check : outcome.sloChecks()) {
      xml.append(
          String.format(
              "  <testcase classname=\"%s\" name=\"%s\">",
              escape(outcome.identity().scenario() + "." + check.workload()),
              escape(check.name())));
      if (!check.passed()) {
        xml.append(String.format("<failure message=\"%s\"/>", escape(check.describe())));
      }
      xml.append("</testcase>\n");
    }
    return xml.append("</testsuite>\n").toString();
  }

  private static String reasons(RunResult outcome) {
    StringBuilder text = new StringBuilder(String.join("; ", outcome.ending().problems()));
    outcome
        .workloads()
        .forEach(w -> w.validity().invalidReasons().forEach(r -> text.append(r).append("; ")));
    return text.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
