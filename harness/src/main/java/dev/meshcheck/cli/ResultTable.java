package dev.meshcheck.cli;

import dev.meshcheck.load.WorkloadResult;
import dev.meshcheck.measure.Metric;
import dev.meshcheck.measure.Percentiles;
import dev.meshcheck.report.RunOutcome;
import dev.meshcheck.report.SloCheck;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The final table of {@code meshcheck run}: one block per workload, then the SLO checks. */
final class ResultTable {
  private ResultTable() {}

  static void print(PrintWriter out, RunOutcome outcome, Path dir) {
    out.printf(
        "%nscenario %s on %s (%s, nats-server %s)%n",
        outcome.scenario(), outcome.topology(), outcome.backend(), outcome.serverVersion());
    for (WorkloadResult w : outcome.workloads()) {
      out.printf(
          "%s: target %s, achieved %.0f/s, sent %d, received %d, delivered %.0f/s, errors %d,"
              + " lost %d, duplicates %d, out of order %d%n",
          w.name(),
          w.workload().senders().rate(),
          w.achievedRatePerSecond(),
          w.sent(),
          w.received(),
          w.deliveredPerSecond(),
          w.errorCount(),
          w.receivers().lost(),
          w.receivers().duplicates(),
          w.receivers().outOfOrder());
      out.printf(
          "  %-14s %10s %10s %10s %10s %10s %10s%n",
          "(us)", "p50", "p90", "p99", "p99.9", "p99.99", "max");
      for (Metric metric : Metric.values()) {
        Percentiles p = w.percentiles(metric);
        out.printf(
            "  %-14s %10.1f %10.1f %10.1f %10.1f %10.1f %10.1f%n",
            metric.tag(), p.p50(), p.p90(), p.p99(), p.p999(), p.p9999(), p.max());
      }
      w.receivers()
          .lastConnectionError()
          .ifPresent(
              last ->
                  out.printf(
                      "  connection errors: %d, the last: %s%n",
                      w.receivers().connectionErrors(), last));
      if (!w.receivers().perMemberCounts().isEmpty()) {
        out.printf(
            "  per member: %s (Jain fairness %.3f)%n",
            w.receivers().perMemberCounts(), w.fairness().jainIndex());
      }
      w.invalidReasons().forEach(r -> out.println("  INVALID: " + r));
    }
    for (SloCheck check : outcome.sloChecks()) {
      out.printf("  SLO %s %s%n", check.passed() ? "pass" : "FAIL", check.describe());
    }
    outcome.problems().forEach(p -> out.println("  problem: " + p));
    out.printf("status: %s%nreport: %s%n", outcome.status().json(), dir.toAbsolutePath());
    out.flush();
  }
}
