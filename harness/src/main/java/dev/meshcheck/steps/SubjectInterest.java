package dev.meshcheck.steps;

import dev.meshcheck.topology.MeshNode;
import dev.meshcheck.topology.MonitorClient;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads a node's subject interest from {@code /subsz}. Only a node's own clients' subscriptions are
 * listed there (routed interest is not), so this answers "is it subscribed here", not "does the
 * mesh know"; {@link InterestProbe} answers the latter. Stateless.
 */
final class SubjectInterest {
  private static final MonitorClient MONITOR = new MonitorClient(Duration.ofSeconds(2));

  private SubjectInterest() {}

  /**
   * How many local subscriptions of {@code node} match the literal {@code subject}; -1 on error.
   */
  static long localSubscriptions(MeshNode node, String subject) {
    try {
      String query = "/subsz?subs=1&test=" + URLEncoder.encode(subject, StandardCharsets.UTF_8);
      return MONITOR.json(node.monitorUrl(), query).path("total").asLong(0);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
