package dev.meshcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshcheck.scenario.ClientKind;
import dev.meshcheck.scenario.NodeChoice;
import dev.meshcheck.scenario.Placement;
import dev.meshcheck.scenario.Rate;
import dev.meshcheck.scenario.Receivers;
import dev.meshcheck.scenario.Senders;
import dev.meshcheck.scenario.ServiceSpec;
import dev.meshcheck.scenario.Timing;
import dev.meshcheck.scenario.Workload;
import dev.meshcheck.scenario.WorkloadKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A workload's settings as summary.json's {@code spec}, and back: what {@code compare} checks two
 * runs against before it compares their figures.
 */
final class WorkloadJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WorkloadJson() {}

  static ObjectNode of(Workload w) {
    ObjectNode node = JSON.createObjectNode();
    node.put("kind", w.kind().fileName());
    node.put("subject", w.subject());
    node.put("client", w.client().fileName());
    node.put("senders", w.senders().count());
    node.put("rate", w.senders().rate().toString());
    if (w.senders().messagesEach().isPresent()) {
      node.put("messages_per_sender", w.senders().messagesEach().getAsLong());
    } else {
      node.putNull("messages_per_sender");
    }
    node.put("payload_bytes", w.senders().payloadBytes());
    node.put("subscribers", w.receivers().subscriberCount());
    node.put("queue_group", w.receivers().service().queueGroup());
    node.put("members", w.receivers().service().memberCount());
    ObjectNode placement = node.putObject("placement");
    placement.put("senders", w.placement().senders().toString());
    placement.put("subscribers", w.placement().subscribers().toString());
    placement.put("members", w.placement().members().toString());
    node.put("warmup", w.timing().warmup().toString());
    node.put("duration", w.timing().measure().toString());
    node.put("request_timeout", w.timing().requestTimeout().toString());
    return node;
  }

  static Workload read(JsonNode node) {
    Rate rate =
        node.path("rate").asText().equals("max")
            ? Rate.max()
            : Rate.perSecond(Long.parseLong(node.path("rate").asText().replace("/s", "")));
    OptionalLong messages =
        node.path("messages_per_sender").isNumber()
            ? OptionalLong.of(node.path("messages_per_sender").asLong())
            : OptionalLong.empty();
    JsonNode placement = node.path("placement");
    return new Workload(
        WorkloadKind.fromFileName(node.path("kind").asText()),
        node.path("subject").asText(),
        new Senders(
            node.path("senders").asInt(), rate, messages, node.path("payload_bytes").asInt()),
        new Receivers(
            node.path("subscribers").asInt(),
            new ServiceSpec(node.path("queue_group").asText(), node.path("members").asInt())),
        new Placement(
            choice(placement.path("senders").asText()),
            choice(placement.path("subscribers").asText()),
            choice(placement.path("members").asText())),
        new Timing(
            Duration.parse(node.path("warmup").asText()),
            Duration.parse(node.path("duration").asText()),
            Duration.parse(node.path("request_timeout").asText())),
        ClientKind.fromFileName(node.path("client").asText()));
  }

  /** The inverse of {@link NodeChoice#toString()}: {@code spread}, {@code east}, {@code [1, 2]}. */
  private static NodeChoice choice(String text) {
    if (text.isEmpty() || text.equals(NodeChoice.SPREAD)) {
      return NodeChoice.spread();
    }
    List<String> references = new ArrayList<>();
    for (String part : text.replace("[", "").replace("]", "").split(",")) {
      references.add(part.trim());
    }
    return new NodeChoice(references, Optional.empty());
  }
}
