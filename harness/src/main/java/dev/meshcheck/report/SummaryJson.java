package dev.meshcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshcheck.measure.ServerStats;
import dev.meshcheck.result.Ending;
import dev.meshcheck.result.Latencies;
import dev.meshcheck.result.MeshFacts;
import dev.meshcheck.result.RunEnvironment;
import dev.meshcheck.result.RunIdentity;
import dev.meshcheck.result.RunResult;
import dev.meshcheck.result.ServerCounters;
import dev.meshcheck.result.SloCheck;
import dev.meshcheck.result.WorkloadResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * summary.json, and back: latencies in microseconds, rates per second, ratios as fractions. Reading
 * needs each workload's histograms, which the caller takes from the run's interval logs.
 */
final class SummaryJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper SNAKE =
      new ObjectMapper()
          .setPropertyNamingStrategy(
              com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

  /** Link counters summed over the nodes' deltas, by the name summary.json gives them. */
  static final List<String[]> LINK_COUNTERS =
      List.of(
          new String[] {"route_msgs", "routes_out_msgs"},
          new String[] {"gateway_msgs", "gateways_out_out_msgs"},
          new String[] {"leaf_msgs", "leafs_out_msgs"});

  private SummaryJson() {}

  static ObjectNode of(RunResult result) {
    ObjectNode root = JSON.createObjectNode();
    root.put("status", result.status().json());
    root.put("run_id", result.identity().runId());
    root.put("scenario", result.identity().scenario());
    root.put("scenario_file", result.identity().scenarioFile());
    root.put("started_at", result.identity().startedAt().toString());
    MeshFacts mesh = result.mesh();
    root.put("topology", mesh.topology());
    root.put("backend", mesh.backend());
    root.put("server_version", mesh.serverVersion());
    root.put("client_access", mesh.clientAccess());
    root.put("image", mesh.image());
    root.set("nodes", JSON.valueToTree(mesh.nodes()));
    ArrayNode workloads = root.putArray("workloads");
    result.workloads().forEach(w -> workloads.add(WorkloadResultJson.of(w)));
    root.put("slo_judged", result.slosJudged());
    ArrayNode slo = root.putArray("slo");
    result.sloChecks().forEach(c -> slo.add(check(c).put("verdict", result.verdictOf(c))));
    root.set("server_stats", serverStats(result.serverCounters()));
    ObjectNode links = root.putObject("links");
    for (String[] counter : LINK_COUNTERS) {
      links.put(counter[0], result.serverCounters().deltaSum(counter[1]));
    }
    FaultJson.write(root, result.faults());
    root.put("interrupted", result.ending().interrupted());
    ArrayNode problems = root.putArray("problems");
    result.ending().problems().forEach(problems::add);
    root.set("environment", environment(result.environment()));
    return root;
  }

  /** The environment alone, snake_case keys (also environment.json). */
  static ObjectNode environment(RunEnvironment environment) {
    return SNAKE.valueToTree(environment);
  }

  private static ObjectNode check(SloCheck c) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", c.name());
    node.put("workload", c.workload());
    c.limitMicros().ifPresent(v -> node.put("limit_us", v));
    c.limitFraction().ifPresent(v -> node.put("limit", v));
    node.put("observed", c.observed());
    node.put("passed", c.passed());
    return node;
  }

  private static ArrayNode serverStats(ServerCounters counters) {
    ArrayNode nodes = JSON.createArrayNode();
    List<ServerStats> before = counters.before();
    List<ServerStats> after = counters.after();
    for (int i = 0; i < before.size(); i++) {
      ObjectNode node = nodes.addObject();
      node.put("node", before.get(i).node());
      node.set("before", JSON.valueToTree(before.get(i).counters()));
      node.set("before_problems", JSON.valueToTree(before.get(i).problems()));
      if (i < after.size()) {
        ServerStats delta = after.get(i).minus(before.get(i));
        node.set("after", JSON.valueToTree(after.get(i).counters()));
        node.set("after_problems", JSON.valueToTree(after.get(i).problems()));
        node.set("delta", JSON.valueToTree(delta.counters()));
        node.set("problems", JSON.valueToTree(delta.problems()));
      }
    }
    return nodes;
  }

  /**
   * The run summary.json describes.
   *
   * @param latencies each workload's histograms by workload name
   */
  static RunResult read(JsonNode root, Function<String, Latencies> latencies) {
    List<WorkloadResult> workloads = new ArrayList<>();
    for (JsonNode w : root.path("workloads")) {
      workloads.add(WorkloadResultJson.read(w, latencies.apply(w.path("name").asText())));
    }
    List<SloCheck> checks = new ArrayList<>();
    for (JsonNode c : root.path("slo")) {
      checks.add(
          new SloCheck(
              c.path("name").asText(),
              c.path("workload").asText(),
              optional(c.path("limit_us")),
              optional(c.path("limit")),
              c.path("observed").asDouble(),
              c.path("passed").asBoolean()));
    }
    return new RunResult(
        new RunIdentity(
            root.path("run_id").asText(),
            root.path("scenario").asText(),
            root.path("scenario_file").asText(),
            Instant.parse(root.path("started_at").asText())),
        new MeshFacts(
            root.path("topology").asText(),
            root.path("backend").asText(),
            root.path("server_version").asText(),
            root.path("client_access").asText(),
            root.path("image").asText(),
            WorkloadResultJson.strings(root.path("nodes"))),
        workloads,
        checks,
        readServerStats(root.path("server_stats")),
        SNAKE.convertValue(root.path("environment"), RunEnvironment.class),
        new Ending(
            root.path("interrupted").asBoolean(),
            WorkloadResultJson.strings(root.path("problems"))),
        FaultJson.read(root));
  }

  private static ServerCounters readServerStats(JsonNode list) {
    List<ServerStats> before = new ArrayList<>();
    List<ServerStats> after = new ArrayList<>();
    for (JsonNode node : list) {
      String name = node.path("node").asText();
      before.add(
          new ServerStats(
              name,
              WorkloadResultJson.longs(node.path("before")),
              WorkloadResultJson.strings(node.path("before_problems"))));
      if (node.has("after")) {
        after.add(
            new ServerStats(
                name,
                WorkloadResultJson.longs(node.path("after")),
                WorkloadResultJson.strings(node.path("after_problems"))));
      }
    }
    return new ServerCounters(before, after);
  }

  private static OptionalDouble optional(JsonNode value) {
    return value.isNumber() ? OptionalDouble.of(value.asDouble()) : OptionalDouble.empty();
  }
}
