package dev.meshcheck.topology;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshcheck.scenario.ClusterSpec;
import dev.meshcheck.scenario.NodeSpec;
import dev.meshcheck.scenario.Topology;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Decides when a mesh is ready: every node answers {@code /healthz} with 200, every cluster member
 * has routes to all other members ({@code /routez}), an outbound gateway to every other cluster
 * ({@code /gatewayz}), and every leaf node a leaf link to its hub ({@code /leafz}). Polls; never
 * sleeps a fixed time.
 */
public final class MeshReadiness {
  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

  private final Topology topology;
  private final Function<NodeSpec, URI> monitorUrl;
  private final Predicate<NodeSpec> isUp;
  private final MonitorClient monitor = new MonitorClient(Duration.ofSeconds(2));

  /**
   * @param isUp which nodes should be up now: links are expected only to those (a killed peer is
   *     not waited for)
   */
  public MeshReadiness(
      Topology topology, Function<NodeSpec, URI> monitorUrl, Predicate<NodeSpec> isUp) {
    this.topology = topology;
    this.monitorUrl = monitorUrl;
    this.isUp = isUp;
  }

  /** Readiness of a mesh whose nodes should all be up. */
  public MeshReadiness(Topology topology, Function<NodeSpec, URI> monitorUrl) {
    this(topology, monitorUrl, node -> true);
  }

  /** Waits until every node is ready. */
  public void awaitMesh(Duration timeout) {
    awaitNodes(topology.nodes(), timeout);
  }

  /**
   * Waits until every node is ready, running {@code checkNodesAlive} before each poll so that a
   * server that exits at start (a config it rejects) fails the launch at once with its own words,
   * instead of after the whole timeout.
   */
  public void awaitMesh(Duration timeout, Runnable checkNodesAlive) {
    long deadlineNanos = System.nanoTime() + timeout.toNanos();
    while (true) {
      checkNodesAlive.run();
      List<String> missing = whatIsMissing(topology.nodes());
      if (missing.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadlineNanos) {
        throw notReady(timeout, missing);
      }
      try {
        Thread.sleep(POLL_INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MeshStartException("interrupted while waiting for mesh " + topology.name());
      }
    }
  }

  /** Waits until {@code nodes} are ready, as after a restart. */
  public void awaitNodes(List<NodeSpec> nodes, Duration timeout) {
    try {
      Awaitility.await()
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(POLL_INTERVAL)
          .until(() -> whatIsMissing(nodes).isEmpty());
    } catch (ConditionTimeoutException e) {
      throw notReady(timeout, whatIsMissing(nodes));
    }
  }

  private MeshStartException notReady(Duration timeout, List<String> missing) {
    String waited =
        timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s";
    return new MeshStartException(
        "mesh '"
            + topology.name()
            + "' not ready after "
            + waited
            + ": "
            + String.join("; ", missing));
  }

  /** One line per node that is not ready yet, saying what it lacks; empty when all are ready. */
  public List<String> whatIsMissing(List<NodeSpec> nodes) {
    List<String> missing = new ArrayList<>();
    for (NodeSpec node : nodes) {
      whatNodeLacks(node).ifPresent(lack -> missing.add(node.name() + ": " + lack));
    }
    return missing;
  }

  private Optional<String> whatNodeLacks(NodeSpec node) {
    URI base = monitorUrl.apply(node);
    if (!monitor.isHealthy(base)) {
      return Optional.of("/healthz not 200 yet at " + base);
    }
    try {
      if (node.isLeaf()) {
        int links = monitor.json(base, "/leafz").path("leafnodes").asInt();
        return links >= 1 ? Optional.empty() : Optional.of("no leaf link to its hub yet");
      }
      long peers =
          topology.membersOf(node.clusterName()).stream()
              .filter(m -> m.number() != node.number() && isUp.test(m))
              .count();
      int routes = monitor.json(base, "/routez").path("num_routes").asInt();
      if (routes < peers) {
        return Optional.of(routes + " of " + peers + " routes");
      }
      return topology.hasGateways() ? missingGateways(node, base) : Optional.empty();
    } catch (IOException e) {
      return Optional.of(e.getMessage());
    }
  }

  private Optional<String> missingGateways(NodeSpec node, URI base) throws IOException {
    JsonNode outbound = monitor.json(base, "/gatewayz").path("outbound_gateways");
    List<String> absent = new ArrayList<>();
    for (ClusterSpec cluster : topology.clusters()) {
      boolean reachable = topology.membersOf(cluster.name()).stream().anyMatch(isUp);
      if (reachable
          && !cluster.name().equals(node.clusterName())
          && !outbound.has(cluster.name())) {
        absent.add(cluster.name());
      }
    }
    List<String> present = new ArrayList<>();
    outbound.fieldNames().forEachRemaining(present::add);
    return absent.isEmpty()
        ? Optional.empty()
        : Optional.of("no outbound gateway to " + absent + " yet (has " + present + ")");
  }
}
