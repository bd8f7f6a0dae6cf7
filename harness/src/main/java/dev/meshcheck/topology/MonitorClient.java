package dev.meshcheck.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads a nats-server's monitoring endpoints ({@code /healthz}, {@code /varz}, {@code /routez},
 * {@code /gatewayz}, {@code /leafz}, {@code /subsz}, {@code /connz}). Thread-safe.
 *
 * <pre>{@code
 * MonitorClient monitor = new MonitorClient(Duration.ofSeconds(2));
 * JsonNode varz = monitor.json(node.monitorUrl(), "/varz");
 * long inMsgs = varz.path("in_msgs").asLong();
 * }</pre>
 */
public final class MonitorClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final Duration requestTimeout;

  public MonitorClient(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
    this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
  }

  /** The parsed JSON body of {@code base + pathAndQuery}. */
  public JsonNode json(URI base, String pathAndQuery) throws IOException {
    HttpResponse<String> response = get(base, pathAndQuery);
    if (response.statusCode() != 200) {
      throw new IOException(
          base + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** True when {@code /healthz} answers 200. */
  public boolean isHealthy(URI base) {
    try {
      return get(base, "/healthz").statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** The server's id, name and version from {@code /varz}. */
  public ServerInfo serverInfo(URI base) throws IOException {
    JsonNode varz = json(base, "/varz");
    return new ServerInfo(
        varz.path("server_id").asText(),
        varz.path("server_name").asText(),
        varz.path("version").asText());
  }

  /** As {@link #serverInfo(URI)} for a node of a mesh; a node that does not answer is an error. */
  public ServerInfo serverInfoOf(MeshNode node) {
    try {
      return serverInfo(node.monitorUrl());
    } catch (IOException e) {
      throw new UncheckedIOException("node " + node.name() + " does not answer /varz", e);
    }
  }

  private HttpResponse<String> get(URI base, String pathAndQuery) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base.toString() + pathAndQuery))
            .timeout(requestTimeout)
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + base + pathAndQuery, e);
    }
  }
}
