package dev.meshcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshcheck.measure.ErrorKind;
import dev.meshcheck.measure.Fairness;
import dev.meshcheck.measure.IntervalPoint;
import dev.meshcheck.measure.Metric;
import dev.meshcheck.measure.Percentiles;
import dev.meshcheck.result.ConnectionPlacement;
import dev.meshcheck.result.Counts;
import dev.meshcheck.result.Errors;
import dev.meshcheck.result.Latencies;
import dev.meshcheck.result.PlacementOutcome;
import dev.meshcheck.result.Rates;
import dev.meshcheck.result.Reconnection;
import dev.meshcheck.result.Validity;
import dev.meshcheck.result.WorkloadResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One workload's block of summary.json, and back. Latencies are written as percentiles in
 * microseconds; on reading, the histograms come from the run's {@code .hlog} instead.
 */
final class WorkloadResultJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Share of deliveries from which a link counts as crossed in {@code links_crossed}. */
  static final double CROSSED_SHARE = 0.01;

  private WorkloadResultJson() {}

  static ObjectNode of(WorkloadResult w) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", w.name());
    node.put("kind", w.workload().kind().fileName());
    node.put("client", w.workload().client().fileName());
    node.set("spec", WorkloadJson.of(w.workload()));
    node.put("valid", w.isValid());
    node.put("complete", w.complete());
    ArrayNode invalid = node.putArray("invalid_reasons");
    w.validity().invalidReasons().forEach(invalid::add);
    rates(node, w.rates());
    counts(node, w);
    node.set("latency_us", percentiles(w.percentiles(Metric.LATENCY)));
    node.set("service_time_us", percentiles(w.percentiles(Metric.SERVICE_TIME)));
    node.set("send_delay_us", percentiles(w.percentiles(Metric.SEND_DELAY)));
    node.set("per_member", JSON.valueToTree(w.placement().handledPerReceiver()));
    node.set("fairness", JSON.valueToTree(w.placement().fairness()));
    node.set("placement", placement(w));
    ArrayNode intervals = node.putArray("intervals");
    w.intervals().forEach(p -> intervals.add(interval(p)));
    return node;
  }

  private static void rates(ObjectNode node, Rates rates) {
    if (rates.targetPerSecond().isPresent()) {
      node.put("target_rate_per_sec", rates.targetPerSecond().getAsDouble());
    } else {
      node.putNull("target_rate_per_sec");
    }
    node.put("achieved_rate_per_sec", round(rates.achievedPerSecond()));
    node.put("measured_seconds", round(rates.measuredSeconds()));
    node.put("delivered_per_sec", round(rates.deliveredPerSecond()));
    node.put("delivered_bytes_per_sec", round(rates.deliveredBytesPerSecond()));
  }

  private static void counts(ObjectNode node, WorkloadResult w) {
    node.put("sent", w.counts().sent());
    node.put("received", w.counts().received());
    node.put("errors", w.errors().total());
    ObjectNode byKind = node.putObject("errors_by_kind");
    for (ErrorKind kind : ErrorKind.values()) {
      byKind.put(kind.key(), w.errors().count(kind));
    }
    node.put("error_rate", w.errorRate());
    node.put("lost", w.counts().lost());
    node.put("loss_rate", w.lossRate());
    node.put("duplicates", w.counts().duplicates());
    if (w.workload().kind().promisesOrder()) {
      node.put("out_of_order", w.counts().outOfOrder());
    } else {
      node.putNull("out_of_order"); // not counted: nothing to count against
    }
    node.put("client_slow_consumer_events", w.errors().clientSlowConsumerEvents());
    node.put("connection_errors", w.errors().connectionErrors());
    node.put("last_connection_error", w.errors().lastConnectionError().orElse(null));
    ArrayNode reconnects = node.putArray("reconnects");
    for (Reconnection r : w.errors().reconnections()) {
      reconnects
          .addObject()
          .put("connection", r.connection())
          .put("from", r.fromUrl())
          .put("to", r.toUrl())
          .put("at_s", r.atSeconds())
          .put("took_ms", r.tookMillis());
    }
  }

  private static ObjectNode placement(WorkloadResult w) {
    PlacementOutcome placement = w.placement();
    ObjectNode node = JSON.createObjectNode();
    node.set("asked", WorkloadJson.of(w.workload()).path("placement"));
    ArrayNode connections = node.putArray("connections");
    for (ConnectionPlacement c : placement.connections()) {
      ObjectNode one = connections.addObject();
      one.put("connection", c.connection());
      one.put("role", c.role().name().toLowerCase());
      one.put("node", c.node());
      one.put("cluster", c.cluster());
    }
    node.set("handled_per_cluster", JSON.valueToTree(placement.handledPerCluster()));
    node.set("deliveries_by_link", JSON.valueToTree(placement.deliveriesByLink()));
    node.set("links_crossed", JSON.valueToTree(placement.linksCarrying(CROSSED_SHARE)));
    return node;
  }

  static ObjectNode percentiles(Percentiles p) {
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
    node.put("latency_p50_us", p.latency().p50());
    node.put("latency_p99_us", p.latency().p99());
    node.put("latency_p999_us", p.latency().p999());
    node.put("latency_max_us", p.latency().max());
    node.put("errors", p.errors());
    ObjectNode byKind = node.putObject("errors_by_kind");
    for (ErrorKind kind : ErrorKind.values()) {
      byKind.put(kind.key(), p.errors(kind));
    }
    return node;
  }

  /** Reads a workload block; {@code latencies} come from the run's interval log. */
  static WorkloadResult read(JsonNode node, Latencies latencies) {
    Map<ErrorKind, Long> byKind = new EnumMap<>(ErrorKind.class);
    for (ErrorKind kind : ErrorKind.values()) {
      byKind.put(kind, node.path("errors_by_kind").path(kind.key()).asLong());
    }
    JsonNode target = node.path("target_rate_per_sec");
    return new WorkloadResult(
        node.path("name").asText(),
        WorkloadJson.read(node.path("spec")),
        new Rates(
            target.isNumber() ? OptionalDouble.of(target.asDouble()) : OptionalDouble.empty(),
            node.path("achieved_rate_per_sec").asDouble(),
            node.path("delivered_per_sec").asDouble(),
            node.path("delivered_bytes_per_sec").asDouble(),
            node.path("measured_seconds").asDouble()),
        new Counts(
            node.path("sent").asLong(),
            node.path("received").asLong(),
            node.path("lost").asLong(),
            node.path("duplicates").asLong(),
            node.path("out_of_order").asLong()),
        new Errors(
            byKind,
            node.path("connection_errors").asLong(),
            Optional.ofNullable(node.path("last_connection_error").textValue()),
            node.path("client_slow_consumer_events").asLong(),
            reconnections(node.path("reconnects"))),
        latencies,
        intervals(node.path("intervals")),
        readPlacement(node),
        new Validity(node.path("complete").asBoolean(true), strings(node.path("invalid_reasons"))));
  }

  private static List<Reconnection> reconnections(JsonNode list) {
    List<Reconnection> all = new ArrayList<>();
    for (JsonNode r : list) {
      all.add(
          new Reconnection(
              r.path("connection").asText(),
              r.path("from").asText(),
              r.path("to").asText(),
              r.path("at_s").asDouble(),
              r.path("took_ms").asDouble()));
    }
    return all;
  }

  private static PlacementOutcome readPlacement(JsonNode node) {
    List<ConnectionPlacement> connections = new ArrayList<>();
    for (JsonNode c : node.path("placement").path("connections")) {
      connections.add(
          new ConnectionPlacement(
              c.path("connection").asText(),
              ConnectionPlacement.Role.valueOf(c.path("role").asText().toUpperCase()),
              c.path("node").asText(),
              c.path("cluster").asText()));
    }
    JsonNode fairness = node.path("fairness");
    return new PlacementOutcome(
        connections,
        longs(node.path("per_member")),
        new Fairness(
            fairness.path("jainIndex").asDouble(1),
            fairness.path("maxDeviationFromEvenShare").asDouble(),
            fairness.path("minShare").asDouble(),
            fairness.path("maxShare").asDouble()),
        longs(node.path("placement").path("deliveries_by_link")));
  }

  private static List<IntervalPoint> intervals(JsonNode list) {
    List<IntervalPoint> points = new ArrayList<>();
    for (JsonNode p : list) {
      points.add(
          new IntervalPoint(
              p.path("start_s").asDouble(),
              p.path("length_s").asDouble(),
              p.path("sent_per_sec").asDouble(),
              p.path("delivered_per_sec").asDouble(),
              p.path("delivered_bytes_per_sec").asDouble(),
              new IntervalPoint.Latency(
                  p.path("latency_p50_us").asDouble(),
                  p.path("latency_p99_us").asDouble(),
                  p.path("latency_p999_us").asDouble(),
                  p.path("latency_max_us").asDouble()),
              intervalErrors(p)));
    }
    return points;
  }

  /** By kind; a run written before intervals had kinds counts all its errors as other. */
  private static Map<ErrorKind, Long> intervalErrors(JsonNode point) {
    Map<ErrorKind, Long> byKind = new EnumMap<>(ErrorKind.class);
    JsonNode kinds = point.path("errors_by_kind");
    if (kinds.isObject()) {
      for (ErrorKind kind : ErrorKind.values()) {
        byKind.put(kind, kinds.path(kind.key()).asLong());
      }
    } else {
      byKind.put(ErrorKind.OTHER, point.path("errors").asLong());
    }
    return byKind;
  }

  static Map<String, Long> longs(JsonNode object) {
    Map<String, Long> map = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asLong()));
    return map;
  }

  static List<String> strings(JsonNode list) {
    List<String> values = new ArrayList<>();
    list.forEach(v -> values.add(v.asText()));
    return values;
  }

  static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
