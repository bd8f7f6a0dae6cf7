package dev.meshcheck.report.html;

import dev.meshcheck.compare.Comparison;
import dev.meshcheck.measure.Metric;
import dev.meshcheck.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The HTML of {@code meshcheck compare}: verdicts per metric and the runs' spectra overlaid. */
final class ComparePage {
  private ComparePage() {}

  static String render(Comparison c, String baselineHref, String candidateHref) {
    StringBuilder body = new StringBuilder();
    body.append(
        c.regressed()
            ? Html.banner(
                "bad",
                "REGRESSION beyond " + percent(c.maxRegression()) + " on " + regressedMetrics(c))
            : Html.banner("good", "No regression beyond " + percent(c.maxRegression())));
    c.warnings().forEach(w -> body.append(Html.banner("warn", "Warning: " + w)));
    List<List<String>> rows = new ArrayList<>();
    for (Comparison.Verdict v : c.verdicts()) {
      rows.add(
          List.of(
              v.metric().key() + " (" + v.metric().unit() + ")",
              Cells.spread(v.baseline()),
              Cells.spread(v.candidate()),
              Double.isNaN(v.change())
                  ? "n/a"
                  : String.format(Locale.ROOT, "%+.1f%%", v.change() * 100),
              Html.number(v.limit()),
              v.regressed()
                  ? "<span class=\"worse\">REGRESSION</span>"
                  : "<span class=\"yes\">ok</span>"));
    }
    body.append(
        Html.table(
            List.of(
                "metric",
                "baseline median (min–max)",
                "candidate median (min–max)",
                "change",
                "limit",
                "verdict"),
            rows));
    body.append(
        Html.paragraph(
            "A regression is a candidate median worse than the baseline median by more than the threshold"
                + " and outside the baseline's min–max over its runs."));
    SvgLineChart spectra =
        new SvgLineChart(
            "Latency by percentile, every run", Axis.percentile(), Axis.micros("latency"));
    addSpectra(spectra, "baseline ", c.baselines());
    addSpectra(spectra, "candidate ", c.candidates());
    body.append(spectra.render());
    body.append(Html.heading("Runs")).append(runs(c, baselineHref, candidateHref));
    return Html.page(
        "Compare: " + c.candidates().get(0).identity().scenario(),
        Cells.describe(c.baselines().get(0)),
        body.toString());
  }

  private static void addSpectra(SvgLineChart chart, String prefix, List<RunResult> runs) {
    for (RunResult run : runs) {
      SvgLineChart.Series s =
          Spectrum.of(
              prefix + run.identity().runId(),
              run.workload().latencies().histogram(Metric.LATENCY));
      chart.series(s.name(), s.points(), s.tooltips());
    }
  }

  private static String runs(Comparison c, String baselineHref, String candidateHref) {
    List<List<String>> rows = new ArrayList<>();
    c.baselines().forEach(r -> rows.add(Cells.runRow("baseline", r)));
    c.candidates().forEach(r -> rows.add(Cells.runRow("candidate", r)));
    return Html.table(
            List.of(
                "side", "run", "status", "server", "p50 µs", "p99 µs", "throughput/s", "started"),
            rows)
        + Html.paragraph("Folders: baseline " + baselineHref + "; candidate " + candidateHref);
  }

  private static String regressedMetrics(Comparison c) {
    return String.join(
        ", ",
        c.verdicts().stream()
            .filter(Comparison.Verdict::regressed)
            .map(v -> v.metric().key())
            .toList());
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }
}
