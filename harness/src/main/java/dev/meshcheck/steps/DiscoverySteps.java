package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

/**
 * Micro-service discovery over {@code $SRV.PING|INFO|STATS}: every running instance of a service
 * answers, wherever in the mesh it runs. Answers are collected until every running member the
 * scenario started has answered, or the delivery deadline.
 */
public final class DiscoverySteps {
  private final Services services;
  private final Clients clients;
  private final Duration deadline;

  public DiscoverySteps(Services services, Clients clients, RunSettings settings) {
    this.services = services;
    this.clients = clients;
    this.deadline = settings.deliveryDeadline();
  }

  /** Example: {@code When "orders" instances are discovered} (from node 1). */
  @Example("When \"orders\" instances are discovered")
  @When("{string} instances are discovered")
  public void instancesAreDiscovered(String service) {
    instancesAreDiscoveredFrom(service, "1");
  }

  /** Example: {@code When "orders" instances are discovered from node 5}. */
  @Example("When \"orders\" instances are discovered from node 5")
  @When("{string} instances are discovered from node {node}")
  public void instancesAreDiscoveredFrom(String service, String node) {
    Map<String, JsonNode> pings = ask(node, "PING", service);
    services.recordDiscovery(service, pings.keySet().stream().sorted().toList());
  }

  /** Example: {@code Then 3 instances of "orders" answer} (exactly the running members). */
  @Example("Then 3 instances of \"orders\" answer")
  @Then("{int} instance(s) of {string} answer(s)")
  public void instancesAnswer(int expected, String service) {
    Set<String> found = new TreeSet<>(services.discovered(service));
    assertThat(found)
        .as("$SRV.PING %s finds every running instance; running %s", service, running(service))
        .hasSize(expected)
        .isEqualTo(running(service));
  }

  /**
   * Example: {@code Then every instance of "orders" describes the endpoint "svc.orders.>" in queue
   * group "workers"} ({@code $SRV.INFO}: every running instance answers, naming the service and
   * that endpoint).
   */
  @Example(
      "Then every instance of \"orders\" describes the endpoint \"svc.orders.>\" in queue group"
          + " \"workers\"")
  @Then("every instance of {string} describes the endpoint {string} in queue group {string}")
  public void everyInstanceDescribesTheEndpoint(String service, String subject, String queue) {
    Map<String, JsonNode> infos = ask("1", "INFO", service);
    Map<String, String> endpointsById = new TreeMap<>();
    infos.forEach((id, info) -> endpointsById.put(id, info.path("endpoints").toString()));
    assertThat(infos.keySet())
        .as("$SRV.INFO %s answered by every running instance: %s", service, endpointsById)
        .isEqualTo(running(service));
    assertThat(infos.values())
        .as("$SRV.INFO %s: every instance lists %s in queue group %s", service, subject, queue)
        .allSatisfy(
            info -> {
              assertThat(info.path("name").asText()).isEqualTo(service);
              assertThat(StreamSupport.stream(info.path("endpoints").spliterator(), false))
                  .as("endpoints %s", info.path("endpoints"))
                  .anyMatch(
                      e ->
                          e.path("subject").asText().equals(subject)
                              && e.path("queue_group").asText().equals(queue));
            });
  }

  /** Example: {@code Then the stats of "orders" count 30 requests} (summed over all instances). */
  @Example("Then the stats of \"orders\" count 30 requests")
  @Then("the stats of {string} count {int} request(s)")
  public void theStatsCountRequests(String service, int expected) {
    Map<String, Long> requestsById = new TreeMap<>();
    // An instance counts a request as it answers it, so the count may trail the last reply.
    Waits.until(
        deadline,
        "$SRV.STATS " + service + " counts " + expected + " requests over all instances",
        () -> {
          requestsById.clear();
          ask("1", "STATS", service).forEach((id, stats) -> requestsById.put(id, requests(stats)));
          return requestsById.keySet().equals(running(service))
              && requestsById.values().stream().mapToLong(Long::longValue).sum() == expected;
        },
        () -> "requests per instance " + requestsById + ", running " + running(service));
  }

  private Map<String, JsonNode> ask(String node, String verb, String service) {
    Set<String> running = running(service);
    return new ServiceDiscovery(clients.shared(ClientSpec.on(node)), deadline)
        .ask(verb, service, answers -> answers.keySet().containsAll(running));
  }

  private Set<String> running(String service) {
    Set<String> ids = new TreeSet<>();
    services.named(service).runningMembers().forEach(m -> ids.add(m.instanceId()));
    return ids;
  }

  private static long requests(JsonNode stats) {
    long total = 0;
    for (JsonNode endpoint : stats.path("endpoints")) {
      total += endpoint.path("num_requests").asLong();
    }
    return total;
  }
}
