package dev.meshcheck.measure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshcheck.topology.MeshNode;
import dev.meshcheck.topology.MonitorClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counters of one node from {@code /varz}, {@code /routez}, {@code /gatewayz} and {@code /leafz},
 * taken before and after a run so that the summary can show what the servers saw (their deltas).
 *
 * @param counters counter name to value; missing endpoints leave their counters out
 */
public record ServerStats(String node, Map<String, Long> counters, List<String> problems) {
  private static final List<String> VARZ =
      List.of("in_msgs", "out_msgs", "in_bytes", "out_bytes", "slow_consumers", "connections");

  public ServerStats {
    counters = Map.copyOf(counters);
    problems = List.copyOf(problems);
  }

  /** Reads every node; a node that does not answer gets a problem instead of counters. */
  public static List<ServerStats> snapshot(List<MeshNode> nodes) {
    MonitorClient monitor = new MonitorClient(Duration.ofSeconds(2));
    List<ServerStats> all = new ArrayList<>();
    for (MeshNode node : nodes) {
      all.add(of(node, monitor));
    }
    return all;
  }

  private static ServerStats of(MeshNode node, MonitorClient monitor) {
    Map<String, Long> counters = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    try {
      JsonNode varz = monitor.json(node.monitorUrl(), "/varz");
      VARZ.forEach(key -> counters.put(key, varz.path(key).asLong()));
      JsonNode routez = monitor.json(node.monitorUrl(), "/routez");
      counters.put("routes", routez.path("num_routes").asLong());
      sumConnections(routez.path("routes"), "routes_", counters);
      JsonNode gatewayz = monitor.json(node.monitorUrl(), "/gatewayz");
      gatewayz
          .path("outbound_gateways")
          .forEach(g -> add(g.path("connection"), "gateways_out_", counters));
      gatewayz
          .path("inbound_gateways")
          .forEach(list -> list.forEach(g -> add(g.path("connection"), "gateways_in_", counters)));
      JsonNode leafz = monitor.json(node.monitorUrl(), "/leafz");
      counters.put("leafs", leafz.path("leafnodes").asLong());
      // A leaf connection counts what it received as in and what it sent as out, on both ends.
      sumConnections(leafz.path("leafs"), "leafs_", counters);
    } catch (IOException | RuntimeException e) {
      problems.add(node.name() + ": " + e.getMessage());
    }
    return new ServerStats(node.name(), counters, problems);
  }

  private static void sumConnections(JsonNode list, String prefix, Map<String, Long> counters) {
    list.forEach(connection -> add(connection, prefix, counters));
  }

  private static void add(JsonNode connection, String prefix, Map<String, Long> counters) {
    for (String key : List.of("in_msgs", "out_msgs", "in_bytes", "out_bytes")) {
      counters.merge(prefix + key, connection.path(key).asLong(), Long::sum);
    }
  }

  /** What changed from {@code before} to this snapshot; counters absent in either are left out. */
  public ServerStats minus(ServerStats before) {
    Map<String, Long> delta = new LinkedHashMap<>();
    counters.forEach(
        (key, value) -> {
          Long old = before.counters.get(key);
          if (old != null) {
            delta.put(key, value - old);
          }
        });
    List<String> all = new ArrayList<>(before.problems);
    all.addAll(problems);
    return new ServerStats(node, delta, all);
  }
}
