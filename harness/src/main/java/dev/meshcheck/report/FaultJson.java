package dev.meshcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshcheck.measure.ErrorKind;
import dev.meshcheck.result.FaultEvent;
import dev.meshcheck.result.FaultOutcome;
import dev.meshcheck.result.FaultRecovery;
import dev.meshcheck.result.Reconnection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code events} and {@code recovery} lists of summary.json, and back: times in seconds from
 * the start of the measured phase, durations of actions and reconnects in milliseconds.
 */
final class FaultJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FaultJson() {}

  static void write(ObjectNode root, FaultOutcome faults) {
    ArrayNode events = root.putArray("events");
    for (FaultEvent e : faults.events()) {
      ObjectNode node = events.addObject();
      node.put("fault", e.fault());
      node.put("planned_s", e.plannedSeconds());
      node.put("at_s", round(e.atSeconds()));
      node.put("took_ms", round(e.tookMillis()));
      e.problem().ifPresentOrElse(p -> node.put("problem", p), () -> node.putNull("problem"));
    }
    ArrayNode recovery = root.putArray("recovery");
    faults.recovery().forEach(r -> recovery.add(recovery(r)));
  }

  private static ObjectNode recovery(FaultRecovery r) {
    ObjectNode node = JSON.createObjectNode();
    node.put("fault", r.fault());
    node.put("at_s", round(r.atSeconds()));
    node.put("window_end_s", round(r.windowEndSeconds()));
    r.recoverySeconds()
        .ifPresentOrElse(s -> node.put("recovery_s", round(s)), () -> node.putNull("recovery_s"));
    r.unrecoveredReason()
        .ifPresentOrElse(
            s -> node.put("unrecovered_reason", s), () -> node.putNull("unrecovered_reason"));
    node.put("baseline_delivered_per_sec", round(r.baselineDeliveredPerSecond()));
    node.put("baseline_p99_us", round(r.baselineP99Micros()));
    node.put("failed", r.failed());
    ObjectNode byKind = node.putObject("failed_by_kind");
    for (ErrorKind kind : ErrorKind.values()) {
      byKind.put(kind.key(), r.failedByKind().getOrDefault(kind, 0L));
    }
    node.put("undelivered", r.undelivered());
    ArrayNode reconnects = node.putArray("reconnects");
    for (Reconnection c : r.reconnections()) {
      ObjectNode one = reconnects.addObject();
      one.put("connection", c.connection());
      one.put("from", c.fromUrl());
      one.put("to", c.toUrl());
      one.put("at_s", round(c.atSeconds()));
      one.put("took_ms", round(c.tookMillis()));
    }
    return node;
  }

  static FaultOutcome read(JsonNode root) {
    List<FaultEvent> events = new ArrayList<>();
    for (JsonNode e : root.path("events")) {
      events.add(
          new FaultEvent(
              e.path("fault").asText(),
              e.path("planned_s").asDouble(),
              e.path("at_s").asDouble(),
              e.path("took_ms").asDouble(),
              text(e.path("problem"))));
    }
    List<FaultRecovery> recovery = new ArrayList<>();
    for (JsonNode r : root.path("recovery")) {
      recovery.add(readRecovery(r));
    }
    return new FaultOutcome(events, recovery);
  }

  private static FaultRecovery readRecovery(JsonNode r) {
    Map<ErrorKind, Long> byKind = new EnumMap<>(ErrorKind.class);
    for (ErrorKind kind : ErrorKind.values()) {
      byKind.put(kind, r.path("failed_by_kind").path(kind.key()).asLong());
    }
    List<Reconnection> reconnects = new ArrayList<>();
    for (JsonNode c : r.path("reconnects")) {
      reconnects.add(
          new Reconnection(
              c.path("connection").asText(),
              c.path("from").asText(),
              c.path("to").asText(),
              c.path("at_s").asDouble(),
              c.path("took_ms").asDouble()));
    }
    JsonNode seconds = r.path("recovery_s");
    return new FaultRecovery(
        r.path("fault").asText(),
        r.path("at_s").asDouble(),
        r.path("window_end_s").asDouble(),
        seconds.isNumber() ? Optional.of(seconds.asDouble()) : Optional.empty(),
        r.path("baseline_delivered_per_sec").asDouble(),
        r.path("baseline_p99_us").asDouble(),
        byKind,
        r.path("undelivered").asLong(),
        reconnects,
        text(r.path("unrecovered_reason")));
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
