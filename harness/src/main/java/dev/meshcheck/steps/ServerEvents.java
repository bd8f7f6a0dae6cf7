package dev.meshcheck.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The JSON events a nats-server publishes about itself: account connect/disconnect advisories in
 * the system account ({@code io.nats.server.advisory.v1.client_connect}, {@code ..._disconnect})
 * and service latency measurements in the exporting account ({@code
 * io.nats.server.metric.v1.service_latency}). Stateless.
 */
final class ServerEvents {
  static final String CONNECT = "io.nats.server.advisory.v1.client_connect";
  static final String DISCONNECT = "io.nats.server.advisory.v1.client_disconnect";
  static final String SERVICE_LATENCY = "io.nats.server.metric.v1.service_latency";

  /** Enough for any scenario's advisories and measurements, bounded against a flood. */
  static final int KEPT_PER_SUBSCRIBER = 10_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ServerEvents() {}

  /** The event in a message body, when it is one of the server's typed events. */
  static Optional<JsonNode> parse(byte[] body) {
    if (body.length == 0 || body[0] != '{') {
      return Optional.empty();
    }
    try {
      JsonNode event = JSON.readTree(body);
      String type = event.path("type").asText("");
      return type.startsWith("io.nats.server.") ? Optional.of(event) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** True for an advisory of {@code type} about the client named {@code connectionName}. */
  static boolean isAbout(JsonNode event, String type, String connectionName, String account) {
    JsonNode client = event.path("client");
    return event.path("type").asText().equals(type)
        && client.path("name").asText().equals(connectionName)
        && client.path("acc").asText().equals(account);
  }

  /** One line per event: its type, and the client's name and account where it names one. */
  static String describe(List<JsonNode> events) {
    if (events.isEmpty()) {
      return "no server events";
    }
    return events.stream()
        .map(
            e -> {
              String type = e.path("type").asText();
              String shortType = type.substring(type.lastIndexOf('.') + 1);
              JsonNode client = e.path("client");
              if (type.equals(SERVICE_LATENCY)) {
                return shortType + " status=" + e.path("status").asText();
              }
              return client.isMissingNode()
                  ? shortType
                  : shortType
                      + " name="
                      + client.path("name").asText()
                      + " acc="
                      + client.path("acc").asText();
            })
        .collect(Collectors.joining("; "));
  }
}
