package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.report.ConformanceFigure;
import dev.meshcheck.topology.MeshNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

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
   * Waits up to {@code limit} until some client has lost its connection and every client is
   * connected again, none of them to a node that is down (the client library may not have noticed a
   * kill yet); fails when no client lost its connection (nothing was reconnected), when one is
   * still without, or when an outage lasted longer than {@code limit}.
   *
   * @param onDownNode true for a client URL that belongs to a node that does not run now
   * @return the reconnected clients' last outage, in ms, by client name
   */
  static Map<String, Long> awaitAll(
      List<TrackedClient> clients, Duration limit, Predicate<String> onDownNode) {
    Predicate<TrackedClient> back = c -> isBack(c) && !onDownNode.test(c.connectedUrl());
    boolean reconnected =
        Waits.within(
            limit,
            () ->
                clients.stream().anyMatch(Reconnects::lostItsConnection)
                    && clients.stream().allMatch(back));
    List<TrackedClient> cut = clients.stream().filter(Reconnects::lostItsConnection).toList();
    if (cut.isEmpty()) {
      throw new AssertionError(
          "all clients reconnected: no client of this scenario lost its connection within "
              + limit.toMillis()
              + " ms, so nothing was reconnected (a client made after the fault has no reconnect"
              + " to show); clients: "
              + clients);
    }
    if (!reconnected) {
      throw new AssertionError(
          "all clients reconnected: not within "
              + limit.toMillis()
              + " ms; still without a connection: "
              + clients.stream().filter(back.negate()).toList());
    }
    return withinLimit(cut, limit);
  }

  private static boolean lostItsConnection(TrackedClient client) {
    return client.outages().last().isPresent();
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
