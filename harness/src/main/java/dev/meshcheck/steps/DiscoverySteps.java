package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.nats.service.Discovery;
import io.nats.service.EndpointStats;
import io.nats.service.PingResponse;
import io.nats.service.StatsResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Micro-service discovery over {@code $SRV.PING|INFO|STATS}: every running instance of a service
 * answers, wherever in the mesh it runs.
 */
public final class DiscoverySteps {
  /** Discovery collects answers for this long: every instance answers within it on a sane mesh. */
  static final Duration DISCOVERY_WINDOW = Duration.ofSeconds(1);

  private final Services services;
  private final Clients clients;

  public DiscoverySteps(Services services, Clients clients) {
    this.services = services;
    this.clients = clients;
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
    List<PingResponse> pings = discovery(node).ping(service);
    services.recordDiscovery(service, pings.stream().map(PingResponse::getId).toList());
  }

  /** Example: {@code Then 3 instances of "orders" answer} (exactly the running members). */
  @Example("Then 3 instances of \"orders\" answer")
  @Then("{int} instance(s) of {string} answer(s)")
  public void instancesAnswer(int expected, String service) {
    Set<String> found = new TreeSet<>(services.discovered(service));
    Set<String> running = new TreeSet<>();
    services.named(service).runningMembers().forEach(m -> running.add(m.instanceId()));
    assertThat(found)
        .as("$SRV.PING %s finds every running instance; running %s", service, running)
        .hasSize(expected)
        .isEqualTo(running);
  }

  /** Example: {@code Then the stats of "orders" count 30 requests} (summed over all instances). */
  @Example("Then the stats of \"orders\" count 30 requests")
  @Then("the stats of {string} count {int} request(s)")
  public void theStatsCountRequests(String service, int expected) {
    List<StatsResponse> stats = discovery("1").stats(service);
    long total =
        stats.stream()
            .flatMap(s -> s.getEndpointStatsList().stream())
            .mapToLong(EndpointStats::getNumRequests)
            .sum();
    assertThat(total)
        .as(
            "$SRV.STATS %s: %d instances answered, requests per instance %s",
            service,
            stats.size(),
            stats.stream()
                .map(
                    s ->
                        s.getEndpointStatsList().stream()
                            .mapToLong(EndpointStats::getNumRequests)
                            .sum())
                .toList())
        .isEqualTo(expected);
  }

  private Discovery discovery(String node) {
    return new Discovery(
        clients.shared(ClientSpec.on(node)).connection(), DISCOVERY_WINDOW.toMillis(), 1000);
  }
}
