package dev.meshcheck.report.html;

import dev.meshcheck.measure.ErrorKind;
import dev.meshcheck.measure.IntervalPoint;
import dev.meshcheck.measure.Metric;
import dev.meshcheck.measure.Percentiles;
import dev.meshcheck.measure.ServerStats;
import dev.meshcheck.result.FaultOutcome;
import dev.meshcheck.result.Reconnection;
import dev.meshcheck.result.RunResult;
import dev.meshcheck.result.RunStatus;
import dev.meshcheck.result.SloCheck;
import dev.meshcheck.result.WorkloadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTML report of one run ({@code reports/runs/<id>/index.html}): status, the corrected-latency
 * spectrum beside service time and send delay, latency and throughput over time, errors and losses,
 * the faults of a fault timeline (marked on the over-time charts, with what each cost), where
 * traffic went, per-member spread, SLOs, server counters and the environment.
 */
final class RunPage {
  private RunPage() {}

  static String render(RunResult run) {
    StringBuilder body = new StringBuilder(banner(run));
    for (WorkloadResult w : run.workloads()) {
      body.append(workload(w, run.faults()));
    }
    body.append(slo(run));
    body.append(Html.heading("Server counters (after minus before)")).append(serverStats(run));
    body.append(Html.heading("Environment")).append(Environment.table(run));
    String subtitle =
        String.format(
            "%s on %s, backend %s, nats-server %s, started %s",
            run.identity().scenario(),
            run.mesh().topology(),
            run.mesh().backend(),
            run.mesh().serverVersion(),
            run.identity().startedAt());
    return Html.page("Run " + run.identity().runId(), subtitle, body.toString());
  }

  private static String banner(RunResult run) {
    RunStatus status = run.status();
    List<String> reasons = new ArrayList<>(run.partialReasons());
    if (reasons.isEmpty()) {
      reasons.addAll(run.ending().problems());
      run.workloads().forEach(w -> reasons.addAll(w.validity().invalidReasons()));
    }
    String text =
        "status: " + status.json() + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons));
    return switch (status) {
      case PASSED -> Html.banner("good", text);
      case SLO_BREACHED -> Html.banner("warn", text);
      case INVALID ->
          Html.banner(
              "bad",
              "INVALID: the generator fell behind, so these figures describe it, not the mesh. "
                  + text);
      case PARTIAL ->
          Html.banner(
              "bad", "PARTIAL: this run did not finish; figures cover what was measured. " + text);
    };
  }

  private static String workload(WorkloadResult w, FaultOutcome faults) {
    StringBuilder html = new StringBuilder(Html.heading("Workload " + w.name()));
    html.append(
        Html.paragraph(
            String.format(
                "%s on %s, %d sender(s), target %s, achieved %s/s, delivered %s/s, %s B payload",
                w.workload().kind().fileName(),
                w.workload().client().fileName(),
                w.workload().senders().count(),
                w.workload().senders().rate(),
                Html.number(w.rates().achievedPerSecond()),
                Html.number(w.rates().deliveredPerSecond()),
                w.workload().senders().payloadBytes())));
    html.append(percentileTable(w));
    SvgLineChart spectrum =
        new SvgLineChart("Latency by percentile", Axis.percentile(), Axis.micros("latency"));
    for (Metric metric : Metric.values()) {
      SvgLineChart.Series s = Spectrum.of(metric.tag(), w.latencies().histogram(metric));
      spectrum.series(s.name(), s.points(), s.tooltips());
    }
    html.append(spectrum.render());
    html.append(overTime(w.intervals(), faults));
    html.append(FaultsSection.html(faults));
    html.append(Html.heading("Errors and losses")).append(errors(w));
    html.append(Html.heading("Where the traffic went")).append(Placements.html(w.placement()));
    return html.toString();
  }

  private static String percentileTable(WorkloadResult w) {
    List<List<String>> rows = new ArrayList<>();
    for (Metric metric : Metric.values()) {
      Percentiles p = w.percentiles(metric);
      rows.add(
          List.of(
              metric.tag(),
              Html.number(p.p50()),
              Html.number(p.p90()),
              Html.number(p.p99()),
              Html.number(p.p999()),
              Html.number(p.p9999()),
              Html.number(p.max()),
              String.valueOf(p.count())));
    }
    return Html.table(List.of("µs", "p50", "p90", "p99", "p99.9", "p99.99", "max", "count"), rows);
  }

  private static final double MIN_POINT_SECONDS = 0.2;

  private static String overTime(List<IntervalPoint> points, FaultOutcome faults) {
    List<double[]> p50 = new ArrayList<>();
    List<double[]> p99 = new ArrayList<>();
    List<double[]> p999 = new ArrayList<>();
    List<double[]> sent = new ArrayList<>();
    List<double[]> delivered = new ArrayList<>();
    List<String> p99Tips = new ArrayList<>();
    List<String> rateTips = new ArrayList<>();
    for (IntervalPoint p : points) {
      if (p.lengthSeconds() < MIN_POINT_SECONDS) {
        continue; // the phase's last sliver: its per-second rates would read as a drop to zero
      }
      double at = p.startSeconds() + p.lengthSeconds();
      if (!p.latency().equals(IntervalPoint.Latency.NONE)) {
        // A second in which nothing completed has no latency to draw (its rates show the gap).
        p50.add(new double[] {at, Math.max(1, p.latency().p50())});
        p99.add(new double[] {at, Math.max(1, p.latency().p99())});
        p999.add(new double[] {at, Math.max(1, p.latency().p999())});
        p99Tips.add(String.format("%.0f s: %s", at, Axis.durationLabel(p.latency().p99())));
      }
      sent.add(new double[] {at, p.sentPerSecond()});
      delivered.add(new double[] {at, p.deliveredPerSecond()});
      rateTips.add(String.format("%.0f s: %s/s", at, Axis.countLabel(p.deliveredPerSecond())));
    }
    String latency =
        FaultsSection.marked(
                new SvgLineChart(
                    "Latency per second (p50, p99, p99.9 of each second)",
                    Axis.seconds("seconds into the measured phase"),
                    Axis.micros("latency")),
                faults)
            .series("p50", p50, List.of())
            .series("p99", p99, p99Tips)
            .series("p99.9", p999, List.of())
            .render();
    String throughput =
        FaultsSection.marked(
                new SvgLineChart(
                    "Throughput per second",
                    Axis.seconds("seconds into the measured phase"),
                    Axis.perSecond("messages/s")),
                faults)
            .series("sent", sent, List.of())
            .series("delivered", delivered, rateTips)
            .render();
    return latency + throughput;
  }

  private static String errors(WorkloadResult w) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("sent", String.valueOf(w.counts().sent())));
    rows.add(List.of("received", String.valueOf(w.counts().received())));
    for (ErrorKind kind : ErrorKind.values()) {
      rows.add(List.of("errors: " + kind.key(), String.valueOf(w.errors().count(kind))));
    }
    rows.add(List.of("lost", String.valueOf(w.counts().lost())));
    rows.add(List.of("duplicates", String.valueOf(w.counts().duplicates())));
    rows.add(
        List.of(
            "out of order",
            w.workload().kind().promisesOrder()
                ? String.valueOf(w.counts().outOfOrder())
                : "not counted (replies promise no order)"));
    rows.add(
        List.of(
            "slow consumer events (client)",
            String.valueOf(w.errors().clientSlowConsumerEvents())));
    rows.add(List.of("connection errors", String.valueOf(w.errors().connectionErrors())));
    w.errors().lastConnectionError().ifPresent(e -> rows.add(List.of("last connection error", e)));
    rows.add(List.of("reconnects", String.valueOf(w.errors().reconnections().size())));
    String counts = Html.table(List.of("count", "value"), rows);
    if (w.errors().reconnections().isEmpty()) {
      return counts;
    }
    List<List<String>> reconnects = new ArrayList<>();
    for (Reconnection r : w.errors().reconnections()) {
      reconnects.add(
          List.of(
              r.connection(),
              r.fromUrl() + " → " + r.toUrl(),
              String.format("%.2f s", r.atSeconds()),
              String.format("%.1f ms", r.tookMillis())));
    }
    return counts
        + Html.table(
            List.of("connection", "from → to", "lost at (measured phase)", "took"), reconnects);
  }

  private static String slo(RunResult run) {
    List<SloCheck> checks = run.sloChecks();
    if (checks.isEmpty()) {
      return Html.heading("SLOs") + Html.paragraph("The scenario sets none.");
    }
    List<List<String>> rows = new ArrayList<>();
    for (SloCheck c : checks) {
      rows.add(List.of(c.name() + " of " + c.workload(), verdict(run, c), c.describe()));
    }
    return Html.heading("SLOs") + Html.table(List.of("check", "verdict", "detail"), rows);
  }

  private static String verdict(RunResult run, SloCheck check) {
    if (!run.slosJudged()) {
      return Html.escape(run.verdictOf(check));
    }
    return check.passed() ? "<span class=\"yes\">pass</span>" : "<span class=\"worse\">FAIL</span>";
  }

  private static String serverStats(RunResult run) {
    List<ServerStats> deltas = run.serverCounters().deltas();
    if (deltas.isEmpty()) {
      return Html.paragraph("Not read: the run ended before the mesh was up.");
    }
    List<String> counters =
        List.of(
            "in_msgs",
            "out_msgs",
            "slow_consumers",
            "routes_out_msgs",
            "gateways_out_out_msgs",
            "leafs_out_msgs");
    List<List<String>> rows = new ArrayList<>();
    for (ServerStats delta : deltas) {
      List<String> row = new ArrayList<>(List.of(delta.node()));
      Map<String, Long> values = delta.counters();
      counters.forEach(c -> row.add(values.containsKey(c) ? String.valueOf(values.get(c)) : "-"));
      rows.add(row);
    }
    List<String> header = new ArrayList<>(List.of("node"));
    header.addAll(
        List.of(
            "in msgs",
            "out msgs",
            "slow consumers",
            "route msgs out",
            "gateway msgs out",
            "leaf msgs out"));
    return Html.table(header, rows);
  }
}
