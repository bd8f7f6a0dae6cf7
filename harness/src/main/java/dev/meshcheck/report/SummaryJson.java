package dev.meshcheck.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshcheck.load.WorkloadResult;
import dev.meshcheck.load.transport.Reconnect;
import dev.meshcheck.measure.ErrorKind;
import dev.meshcheck.measure.IntervalPoint;
import dev.meshcheck.measure.Metric;
import dev.meshcheck.measure.Percentiles;
import dev.meshcheck.measure.ServerStats;
import java.util.List;

/** Builds summary.json: latencies in microseconds, rates per second, ratios as fractions. */
final class SummaryJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SummaryJson() {}

  static ObjectNode of(RunOutcome outcome) {
    ObjectNode root = JSON.createObjectNode();
    root.put("status", outcome.status().json());
    root.put("run_id", outcome.runId());
    root.put("scenario", outcome.scenario());
    root.put("topology", outcome.topology());
    root.put("backend", outcome.backend());
    root.put("server_version", outcome.serverVersion());
    root.put("started_at", outcome.startedAt().toString());
    ArrayNode workloads = root.putArray("workloads");
    outcome.workloads().forEach(w -> workloads.add(workload(w)));
    ArrayNode slo = root.putArray("slo");
    outcome.sloChecks().forEach(c -> slo.add(check(c)));
    root.set("server_stats", serverStats(outcome));
    ArrayNode problems = root.putArray("problems");
    outcome.problems().forEach(problems::add);
    root.set("environment", JSON.valueToTree(outcome.environment()));
    return root;
  }

  private static ObjectNode workload(WorkloadResult w) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", w.name());
    node.put("kind", w.workload().kind().fileName());
    node.put("client", w.workload().client().fileName());
    node.put("valid", w.isValid());
    ArrayNode invalid = node.putArray("invalid_reasons");
    w.invalidReasons().forEach(invalid::add);
    if (w.targetRatePerSecond().isPresent()) {
      node.put("target_rate_per_sec", w.targetRatePerSecond().getAsDouble());
    } else {
      node.putNull("target_rate_per_sec");
    }
    node.put("achieved_rate_per_sec", round(w.achievedRatePerSecond()));
    node.put("measured_seconds", round(w.measuredSeconds()));
    node.put("sent", w.sent());
    node.put("received", w.received());
    node.put("errors", w.errorCount());
    ObjectNode byKind = node.putObject("errors_by_kind");
    for (ErrorKind kind : ErrorKind.values()) {
      byKind.put(kind.key(), w.errors().getOrDefault(kind, 0L));
    }
    node.put("error_rate", w.errorRate());
    node.put("lost", w.receivers().lost());
    node.put("loss_rate", w.lossRate());
    node.put("duplicates", w.receivers().duplicates());
    node.put("out_of_order", w.receivers().outOfOrder());
    node.put("client_slow_consumer_events", w.receivers().clientSlowConsumerEvents());
    node.put("connection_errors", w.receivers().connectionErrors());
    node.put("last_connection_error", w.receivers().lastConnectionError().orElse(null));
    ArrayNode reconnects = node.putArray("reconnects");
    for (Reconnect r : w.receivers().reconnects()) {
      reconnects
          .addObject()
          .put("connection", r.connectionName())
          .put("from", r.fromUrl())
          .put("to", r.toUrl())
          .put("took_ms", round(r.took().toNanos() / 1e6));
    }
    node.put("delivered_per_sec", round(w.deliveredPerSecond()));
    node.put("delivered_bytes_per_sec", round(w.deliveredBytesPerSecond()));
    node.set("latency_us", percentiles(w.percentiles(Metric.LATENCY)));
    node.set("service_time_us", percentiles(w.percentiles(Metric.SERVICE_TIME)));
    node.set("send_delay_us", percentiles(w.percentiles(Metric.SEND_DELAY)));
    node.set("per_member", JSON.valueToTree(w.receivers().perMemberCounts()));
    node.set("fairness", JSON.valueToTree(w.fairness()));
    node.set("placements", JSON.valueToTree(w.receivers().placements()));
    ArrayNode intervals = node.putArray("intervals");
    w.intervals().forEach(p -> intervals.add(interval(p)));
    return node;
  }

  private static ObjectNode percentiles(Percentiles p) {
    ObjectNode node = JSON.createObjectNode();
    node.put("p50", p.p50());
    node.put("p90", p.p90());
    node.put("p99", p.p99());
    node.put("p999", p.p999());
    node.put("p9999", p.p9999());
    node.put("max", p.max());
    node.put("count", p.count());
    return node;
  }

  private static ObjectNode interval(IntervalPoint p) {
    ObjectNode node = JSON.createObjectNode();
    node.put("start_s", round(p.startSeconds()));
    node.put("length_s", round(p.lengthSeconds()));
    node.put("sent_per_sec", round(p.sentPerSecond()));
    node.put("delivered_per_sec", round(p.deliveredPerSecond()));
    node.put("delivered_bytes_per_sec", round(p.deliveredBytesPerSecond()));
    node.put("latency_p99_us", p.latencyP99Micros());
    node.put("errors", p.errors());
    return node;
  }

  private static ObjectNode check(SloCheck c) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", c.name());
    node.put("workload", c.workload());
    c.limitMicros().ifPresent(v -> node.put("limit_us", v));
    c.limitFraction().ifPresent(v -> node.put("limit", v));
    node.put("observed", c.observed());
    node.put("passed", c.passed());
    return node;
  }

  private static ArrayNode serverStats(RunOutcome outcome) {
    ArrayNode nodes = JSON.createArrayNode();
    List<ServerStats> before = outcome.serverStatsBefore();
    List<ServerStats> after = outcome.serverStatsAfter();
    for (int i = 0; i < before.size(); i++) {
      ObjectNode node = nodes.addObject();
      node.put("node", before.get(i).node());
      node.set("before", JSON.valueToTree(before.get(i).counters()));
      if (i < after.size()) {
        ServerStats delta = after.get(i).minus(before.get(i));
        node.set("after", JSON.valueToTree(after.get(i).counters()));
        node.set("delta", JSON.valueToTree(delta.counters()));
        node.set("problems", JSON.valueToTree(delta.problems()));
      }
    }
    return nodes;
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
