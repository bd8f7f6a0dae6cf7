package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.report.ConformanceFigure;
import dev.meshcheck.topology.MeshNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proves that clients were reconnected, not merely that they are connected: a client counts only
 * when it lost its connection (the client library's disconnected event) and got it back
 * (reconnected), and how long it was without is measured and handed to the report as the figure
 * {@code reconnect} (ms per client). Stateless; the clients' outages are their own.
 */
final class Reconnects {
  static final String FIGURE = "reconnect";

  private Reconnects() {}

  /**
   * Waits up to {@code limit} until every client that lost its connection has it back and every
   * other client is connected; fails when no client lost its connection (nothing was reconnected),
   * or when an outage lasted longer than {@code limit}.
   *
   * @return the reconnected clients' last outage, in ms, by client name
   */
  static Map<String, Long> awaitAll(List<TrackedClient> clients, Duration limit) {
    List<TrackedClient> cut = clients.stream().filter(c -> c.outages().last().isPresent()).toList();
    if (cut.isEmpty()) {
      throw new AssertionError(
          "all clients reconnected: no client of this scenario lost its connection, so nothing was"
              + " reconnected (a client made after the fault has no reconnect to show); clients: "
              + clients);
    }
    Waits.until(
        limit,
        "all clients reconnected",
        () -> clients.stream().allMatch(Reconnects::isBack),
        () -> "still without a connection: " + clients.stream().filter(c -> !isBack(c)).toList());
    return withinLimit(cut, limit);
  }

  /** Like {@link #awaitAll} for one client that must have moved to another server. */
  static long awaitOne(TrackedClient client, Duration limit, MeshNode lost) {
    Waits.until(
        limit,
        "'" + client.name() + "' reconnected to a node other than " + lost.number(),
        () -> isBack(client) && !Clients.sameServer(client.connectedUrl(), lost.clientUrl()),
        () ->
            client
                + " on '"
                + client.connectedUrl()
                + "', reconnects "
                + client.reconnects()
                + ", outages "
                + client.outages().all().size());
    assertThat(client.outages().last())
        .as("'%s' lost its connection before it was reconnected", client.name())
        .isPresent();
    return withinLimit(List.of(client), limit).get(client.name());
  }

  static ConformanceFigure figure(Map<String, Long> millisByClient) {
    return new ConformanceFigure(FIGURE, "ms", millisByClient);
  }

  private static boolean isBack(TrackedClient client) {
    return client.isConnected() && client.outages().ongoing().isEmpty();
  }

  private static Map<String, Long> withinLimit(List<TrackedClient> cut, Duration limit) {
    Map<String, Long> millis = new LinkedHashMap<>();
    for (TrackedClient client : cut) {
      Outages.Outage last = client.outages().last().orElseThrow();
      millis.put(client.name(), last.length(client.outages().nowNanos()).toMillis());
    }
    assertThat(millis)
        .as("every client reconnected within %d ms of losing its connection", limit.toMillis())
        .allSatisfy((name, ms) -> assertThat(ms).as(name).isLessThanOrEqualTo(limit.toMillis()));
    return millis;
  }
}
