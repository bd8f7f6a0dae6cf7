package dev.meshcheck.report;

import dev.meshcheck.compare.CompareMetric;
import dev.meshcheck.compare.Comparison;
import dev.meshcheck.compare.MatrixTable;
import dev.meshcheck.compare.Spread;
import dev.meshcheck.result.RunResult;
import dev.meshcheck.result.WorkloadResult;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The compare and matrix verdicts as Markdown, short enough for a CI comment. */
public final class ComparisonMarkdown {
  private ComparisonMarkdown() {}

  public static String of(Comparison c) {
    StringBuilder md = new StringBuilder();
    md.append("## meshcheck compare: ")
        .append(c.regressed() ? "REGRESSION" : "no regression")
        .append("\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Baseline: %s. Candidate: %s. Threshold: %.1f%%.%n",
            ids(c.baselines()),
            ids(c.candidates()),
            c.maxRegression() * 100));
    md.append(describe(c.baselines().get(0))).append("\n\n");
    md.append(
        "| metric | baseline median (min–max) | candidate median (min–max) | change | limit | verdict |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (Comparison.Verdict v : c.verdicts()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s (%s) | %s | %s | %s | %s | %s |%n",
              v.metric().key(),
              v.metric().unit(),
              spread(v.baseline()),
              spread(v.candidate()),
              percent(v.change()),
              number(v.limit()),
              v.regressed() ? "**REGRESSION**" : "ok"));
    }
    md.append(
            "\nA regression is a candidate median worse than the baseline median by more than the")
        .append(" threshold and outside the baseline's min–max.\n");
    c.warnings().forEach(w -> md.append("\nWarning: ").append(w).append('\n'));
    return md.toString();
  }

  public static String of(String scenario, String backend, MatrixTable table) {
    StringBuilder md = new StringBuilder();
    int repeats = table.columns().stream().mapToInt(col -> col.runs().size()).max().orElse(0);
    md.append(
        String.format(
            "## meshcheck matrix: %s, %d round(s), backend %s%n%n", scenario, repeats, backend));
    md.append("| topology | links crossed |");
    table
        .metrics()
        .forEach(m -> md.append(' ').append(m.key()).append(" (").append(m.unit()).append(") |"));
    md.append("\n|---|---|");
    table.metrics().forEach(m -> md.append("---|"));
    md.append('\n');
    for (int i = 0; i < table.columns().size(); i++) {
      MatrixTable.Column column = table.columns().get(i);
      md.append("| ").append(column.topology()).append(" | ").append(links(column)).append(" |");
      for (CompareMetric metric : table.metrics()) {
        md.append(' ').append(spread(column.spread(metric)));
        if (i > 0 && column.spread(metric).count() > 0) {
          if (table.columns().get(0).spread(metric).count() == 0) {
            md.append(" (no ratio: ")
                .append(table.columns().get(0).topology())
                .append(" has no usable round)");
          } else {
            md.append(String.format(Locale.ROOT, " ×%.2f ", table.ratio(i, metric)))
                .append(verdict(table, i, metric));
          }
        }
        md.append(" |");
      }
      md.append('\n');
    }
    md.append("\nEach cell: median (min–max) over the rounds; ×ratio to ")
        .append(table.columns().get(0).topology())
        .append("'s median; \"beyond spread\" when the two min–max ranges do not overlap.\n");
    table.unusableRuns().forEach(r -> md.append("\nLeft out: ").append(r).append('\n'));
    return md.toString();
  }

  /** Whether a difference from the first topology exceeds the spread, in words. */
  public static String verdict(MatrixTable table, int index, CompareMetric metric) {
    for (int side : new int[] {0, index}) {
      if (!table.hasSpread(side, metric)) {
        return "(no spread: "
            + table.columns().get(side).topology()
            + " has "
            + (table.columns().get(side).spread(metric).count() == 0 ? "no" : "one")
            + " usable round)";
      }
    }
    return table.differsBeyondSpread(index, metric) ? "(beyond spread)" : "(within spread)";
  }

  /** Which links a column's traffic crossed, with the servers' own counts of link messages. */
  static String links(MatrixTable.Column column) {
    String crossed = column.deliveriesByLink().keySet().stream().collect(Collectors.joining(", "));
    String servers =
        column.serverLinkMessages().entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .map(e -> e.getKey() + " " + number(e.getValue()))
            .collect(Collectors.joining(", "));
    return (crossed.isEmpty() ? "-" : crossed)
        + (servers.isEmpty() ? "" : " (server link msgs: " + servers + ")");
  }

  static String describe(RunResult run) {
    WorkloadResult w = run.workload();
    return String.format(
        "Workload: %s, %s, %d sender(s), %d B, client %s, placement %s on %s (backend %s, %s).",
        w.workload().kind().fileName(),
        w.workload().senders().rate(),
        w.workload().senders().count(),
        w.workload().senders().payloadBytes(),
        w.workload().client().fileName(),
        placement(w),
        run.mesh().topology(),
        run.mesh().backend(),
        run.mesh().clientAccess());
  }

  static String placement(WorkloadResult w) {
    var p = w.workload().placement();
    return "senders "
        + p.senders()
        + ", subscribers "
        + p.subscribers()
        + ", members "
        + p.members();
  }

  static String spread(Spread s) {
    if (s.count() == 0) {
      return "-";
    }
    return s.count() == 1
        ? number(s.median())
        : number(s.median()) + " (" + number(s.min()) + "–" + number(s.max()) + ")";
  }

  static String percent(double change) {
    return Double.isNaN(change) ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", change * 100);
  }

  static String number(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    if (Math.abs(value) < 1 && value != 0) {
      return String.format(Locale.ROOT, "%.4f", value);
    }
    return Math.abs(value) >= 100
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String ids(List<RunResult> runs) {
    return runs.stream().map(r -> r.identity().runId()).collect(Collectors.joining(", "))
        + " ("
        + runs.size()
        + " run"
        + (runs.size() == 1 ? "" : "s")
        + ")";
  }
}
