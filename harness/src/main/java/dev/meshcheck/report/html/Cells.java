package dev.meshcheck.report.html;

import dev.meshcheck.compare.Spread;
import dev.meshcheck.measure.Metric;
import dev.meshcheck.result.RunResult;
import dev.meshcheck.result.WorkloadResult;
import java.util.List;

/** Table cells and captions that several pages share. */
final class Cells {
  private Cells() {}

  static String spread(Spread s) {
    if (s.count() == 0) {
      return "-";
    }
    return s.count() == 1
        ? Html.number(s.median())
        : Html.number(s.median()) + " (" + Html.number(s.min()) + "–" + Html.number(s.max()) + ")";
  }

  static List<String> runRow(String side, RunResult r) {
    WorkloadResult w = r.workload();
    return List.of(
        side,
        r.identity().runId(),
        r.status().json(),
        r.mesh().serverVersion(),
        Html.number(w.latencies().atPercentileMicros(Metric.LATENCY, 50)),
        Html.number(w.latencies().atPercentileMicros(Metric.LATENCY, 99)),
        Html.number(w.rates().deliveredPerSecond()),
        r.identity().startedAt().toString());
  }

  /** The workload and where it ran, for page subtitles. */
  static String describe(RunResult run) {
    return String.format(
        "%s; %s on backend %s (%s)",
        describeWorkload(run),
        run.mesh().topology(),
        run.mesh().backend(),
        run.mesh().clientAccess());
  }

  /** The workload alone: shape, rate, senders, payload, client and placement. */
  static String describeWorkload(RunResult run) {
    WorkloadResult w = run.workload();
    var p = w.workload().placement();
    return String.format(
        "%s, %s, %d sender(s), %d B, client %s; senders on %s, subscribers on %s, members on %s",
        w.workload().kind().fileName(),
        w.workload().senders().rate(),
        w.workload().senders().count(),
        w.workload().senders().payloadBytes(),
        w.workload().client().fileName(),
        p.senders(),
        p.subscribers(),
        p.members());
  }
}
