package dev.meshcheck.report.html;

import dev.meshcheck.measure.ErrorKind;
import dev.meshcheck.result.FaultEvent;
import dev.meshcheck.result.FaultOutcome;
import dev.meshcheck.result.FaultRecovery;
import dev.meshcheck.result.Reconnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The run page's fault timeline: each fault as it happened, with what it cost (recovery time,
 * failures by kind, undelivered messages, reconnects), and the markers the over-time charts draw at
 * each fault. Stateless.
 */
final class FaultsSection {
  private FaultsSection() {}

  /** Marks every fault on {@code chart} at its actual time. */
  static SvgLineChart marked(SvgLineChart chart, FaultOutcome faults) {
    for (FaultEvent e : faults.events()) {
      chart.marker(e.atSeconds(), e.fault());
    }
    return chart;
  }

  static String html(FaultOutcome faults) {
    if (faults.events().isEmpty()) {
      return "";
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < faults.events().size(); i++) {
      FaultEvent e = faults.events().get(i);
      List<String> row = new ArrayList<>();
      row.add(Html.escape(e.fault()));
      row.add(seconds(e.plannedSeconds()) + " / " + seconds(e.atSeconds()));
      row.add(
          e.problem()
              .map(p -> "<span class=\"worse\">" + Html.escape(p) + "</span>")
              .orElse(millis(e.tookMillis())));
      if (i < faults.recovery().size()) {
        row.addAll(costs(faults.recovery().get(i)));
      } else {
        row.addAll(List.of("-", "-", "-", "-"));
      }
      rows.add(row);
    }
    return Html.heading("Faults")
        + Html.paragraph(
            "Recovery: from the fault until delivered/s and p99 are back within 10% of their"
                + " level before it, by the per-second intervals. Failures, undelivered messages and"
                + " reconnects count from the fault to the next one (or the end).")
        + Html.table(
            List.of(
                "fault",
                "planned / applied at",
                "took",
                "recovery",
                "failed (timeout, no responders, other)",
                "undelivered",
                "reconnects (median, max took)"),
            rows);
  }

  private static List<String> costs(FaultRecovery r) {
    String recovery =
        r.recoverySeconds()
            .map(FaultsSection::seconds)
            .orElse(
                "<span class=\"worse\">"
                    + Html.escape(r.unrecoveredReason().orElse("none"))
                    + "</span>");
    String failed =
        r.failed()
            + " ("
            + r.failedByKind().get(ErrorKind.TIMEOUT)
            + ", "
            + r.failedByKind().get(ErrorKind.NO_RESPONDERS)
            + ", "
            + r.failedByKind().get(ErrorKind.OTHER)
            + ")";
    return List.of(
        recovery, failed, String.valueOf(r.undelivered()), reconnects(r.reconnections()));
  }

  private static String reconnects(List<Reconnection> all) {
    if (all.isEmpty()) {
      return "0";
    }
    double[] took = all.stream().mapToDouble(Reconnection::tookMillis).sorted().toArray();
    return all.size()
        + " ("
        + millis(took[took.length / 2])
        + ", "
        + millis(took[took.length - 1])
        + ")";
  }

  private static String seconds(double value) {
    return String.format(Locale.ROOT, "%.2f s", value);
  }

  private static String millis(double value) {
    return String.format(Locale.ROOT, "%.1f ms", value);
  }
}
