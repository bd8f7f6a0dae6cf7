package dev.meshcheck.report.html;

import dev.meshcheck.compare.CompareMetric;
import dev.meshcheck.compare.MatrixTable;
import dev.meshcheck.measure.Metric;
import dev.meshcheck.measure.PhaseRecorders;
import dev.meshcheck.report.ComparisonMarkdown;
import dev.meshcheck.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * The HTML of {@code meshcheck matrix}: per topology the figures over the rounds, their ratio to
 * the first topology and whether the difference exceeds the spread, the links crossed, and the
 * latency spectra overlaid (each topology's rounds added into one histogram).
 */
final class MatrixPage {
  private MatrixPage() {}

  /**
   * @param runHref the link of a run's own page, relative to the matrix page
   */
  static String render(
      String scenario, String backend, MatrixTable table, Function<RunResult, String> runHref) {
    StringBuilder body = new StringBuilder();
    List<String> unusable = table.unusableRuns();
    if (!unusable.isEmpty()) {
      body.append(Html.banner("bad", "Left out of the figures: " + String.join("; ", unusable)));
    }
    List<String> header = new ArrayList<>(List.of("topology", "links crossed"));
    table.metrics().forEach(m -> header.add(m.key() + " (" + m.unit() + ")"));
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < table.columns().size(); i++) {
      MatrixTable.Column column = table.columns().get(i);
      List<String> row = new ArrayList<>(List.of(column.topology(), Links.describe(column)));
      for (CompareMetric metric : table.metrics()) {
        String cell = Cells.spread(column.spread(metric));
        boolean baselineMissing = table.columns().get(0).spread(metric).count() == 0;
        if (i > 0 && column.spread(metric).count() > 0 && baselineMissing) {
          cell += " (no ratio: " + table.columns().get(0).topology() + " has no usable round)";
        } else if (i > 0 && column.spread(metric).count() > 0) {
          String css = table.differsBeyondSpread(i, metric) ? "yes" : "no";
          cell =
              "<span>"
                  + Html.escape(cell)
                  + String.format(Locale.ROOT, " ×%.2f ", table.ratio(i, metric))
                  + "<span class=\""
                  + css
                  + "\">"
                  + Html.escape(ComparisonMarkdown.verdict(table, i, metric))
                  + "</span></span>";
        }
        row.add(cell);
      }
      rows.add(row);
    }
    body.append(Html.table(header, rows));
    body.append(
        Html.paragraph(
            "Each cell: median (min–max) over the rounds; ×ratio to "
                + table.columns().get(0).topology()
                + "'s median; beyond spread when the two min–max ranges do not overlap."));
    SvgLineChart spectra =
        new SvgLineChart(
            "Latency by percentile per topology (rounds added)",
            Axis.percentile(),
            Axis.micros("latency"));
    for (MatrixTable.Column column : table.columns()) {
      Histogram merged = new Histogram(PhaseRecorders.HIGHEST_TRACKABLE_NANOS, 3);
      column.usable().forEach(r -> merged.add(r.workload().latencies().histogram(Metric.LATENCY)));
      SvgLineChart.Series s = Spectrum.of(column.topology(), merged);
      spectra.series(s.name(), s.points(), s.tooltips());
    }
    body.append(spectra.render());
    body.append(Html.heading("Runs, in the order they ran"));
    List<List<String>> runs = new ArrayList<>();
    table.columns().stream()
        .flatMap(c -> c.runs().stream())
        .sorted(java.util.Comparator.comparing(r -> r.identity().startedAt()))
        .forEach(
            r -> {
              List<String> row = new ArrayList<>(Cells.runRow(r.mesh().topology(), r));
              row.set(1, Html.link(runHref.apply(r), r.identity().runId()));
              runs.add(row);
            });
    body.append(
        Html.table(
            List.of(
                "topology",
                "run",
                "status",
                "server",
                "p50 µs",
                "p99 µs",
                "throughput/s",
                "started"),
            runs));
    RunResult first = table.columns().get(0).runs().get(0);
    return Html.page(
        "Matrix: " + scenario,
        Cells.describeWorkload(first) + "; backend " + backend,
        body.toString());
  }
}
