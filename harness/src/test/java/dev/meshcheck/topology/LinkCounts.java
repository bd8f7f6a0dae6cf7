package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.awaitility.Awaitility;

/** What a node's monitoring endpoints say about its links, and waits on it. */
final class LinkCounts {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final MonitorClient MONITOR = new MonitorClient(Duration.ofSeconds(1));

  private LinkCounts() {}

  /**
   * The id of {@code node}'s route to {@code peer}, or -1 when it has none. (2.9's /routez names a
   * route's peer by server id only.)
   */
  static long routeId(MeshNode node, MeshNode peer) throws Exception {
    String peerId = peer.serverInfo().serverId();
    for (JsonNode route : MONITOR.json(node.monitorUrl(), "/routez").path("routes")) {
      if (peerId.equals(route.path("remote_id").asText())) {
        return route.path("rid").asLong();
      }
    }
    return -1;
  }

  static void awaitRoutes(MeshNode node, int routes) {
    awaitCount(node, "/routez", "num_routes", routes);
  }

  static void awaitLeafLinks(MeshNode node, int links) {
    awaitCount(node, "/leafz", "leafnodes", links);
  }

  /** Waits until {@code node} has (or lacks) an outbound gateway to {@code cluster}. */
  static void awaitOutboundGateway(MeshNode node, String cluster, boolean present) {
    Awaitility.await()
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () ->
                assertThat(
                        MONITOR
                            .json(node.monitorUrl(), "/gatewayz")
                            .path("outbound_gateways")
                            .has(cluster))
                    .as("outbound gateway of %s to %s", node.name(), cluster)
                    .isEqualTo(present));
  }

  private static void awaitCount(MeshNode node, String endpoint, String field, int expected) {
    Awaitility.await()
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () ->
                assertThat(MONITOR.json(node.monitorUrl(), endpoint).path(field).asInt())
                    .as("%s %s of node %s", endpoint, field, node.name())
                    .isEqualTo(expected));
  }
}
