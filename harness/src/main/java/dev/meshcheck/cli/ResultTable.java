package dev.meshcheck.cli;

import dev.meshcheck.measure.Metric;
import dev.meshcheck.measure.Percentiles;
import dev.meshcheck.result.PlacementOutcome;
import dev.meshcheck.result.RunResult;
import dev.meshcheck.result.SloCheck;
import dev.meshcheck.result.WorkloadResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The final table of {@code meshcheck run}: one block per workload, then the SLO checks. */
final class ResultTable {
  private ResultTable() {}

  static void print(PrintWriter out, RunResult result, Path dir) {
    out.printf(
        "%nscenario %s on %s (%s, nats-server %s)%n",
        result.identity().scenario(),
        result.mesh().topology(),
        result.mesh().backend(),
        result.mesh().serverVersion());
    for (WorkloadResult w : result.workloads()) {
      printWorkload(out, w);
    }
    for (SloCheck check : result.sloChecks()) {
      out.printf("  SLO %s %s%n", result.verdictOf(check), check.describe());
    }
    result.ending().problems().forEach(p -> out.println("  problem: " + p));
    List<String> partial = result.partialReasons();
    out.printf(
        "status: %s%s%nreport: %s%n",
        result.status().json(),
        partial.isEmpty() ? "" : " (" + String.join("; ", partial) + ")",
        dir.toAbsolutePath());
    out.flush();
  }

  private static void printWorkload(PrintWriter out, WorkloadResult w) {
    out.printf(
        "%s: target %s, achieved %.0f/s, sent %d, received %d, delivered %.0f/s, errors %d,"
            + " lost %d, duplicates %d, out of order %s%n",
        w.name(),
        w.workload().senders().rate(),
        w.rates().achievedPerSecond(),
        w.counts().sent(),
        w.counts().received(),
        w.rates().deliveredPerSecond(),
        w.errors().total(),
        w.counts().lost(),
        w.counts().duplicates(),
        w.workload().kind().promisesOrder() ? w.counts().outOfOrder() : "not counted");
    out.printf(
        "  %-14s %10s %10s %10s %10s %10s %10s%n",
        "(us)", "p50", "p90", "p99", "p99.9", "p99.99", "max");
    for (Metric metric : Metric.values()) {
      Percentiles p = w.percentiles(metric);
      out.printf(
          "  %-14s %10.1f %10.1f %10.1f %10.1f %10.1f %10.1f%n",
          metric.tag(), p.p50(), p.p90(), p.p99(), p.p999(), p.p9999(), p.max());
    }
    w.errors()
        .lastConnectionError()
        .ifPresent(
            last ->
                out.printf(
                    "  connection errors: %d, the last: %s%n",
                    w.errors().connectionErrors(), last));
    PlacementOutcome placement = w.placement();
    if (!placement.handledPerReceiver().isEmpty()) {
      out.printf(
          "  per member: %s (Jain fairness %.3f)%n",
          placement.handledPerReceiver(), placement.fairness().jainIndex());
    }
    out.printf(
        "  placement: %s; handled per cluster %s; deliveries by link %s%n",
        w.workload().placement(), placement.handledPerCluster(), placement.deliveriesByLink());
    w.validity().invalidReasons().forEach(r -> out.println("  INVALID: " + r));
  }
}
