package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.report.ConformanceFigure;
import dev.meshcheck.steps.RequestOutcome.Kind;
import dev.meshcheck.topology.FaultsUnavailableException;
import dev.meshcheck.topology.faults.Link;
import dev.meshcheck.topology.faults.LinkFault;
import dev.meshcheck.topology.faults.LinkFaults;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.opentest4j.TestAbortedException;

/**
 * Link faults in features: added latency on a route or on a node's client links, a node cut off
 * from the others, a gateway partition, client connections reset; and the request timings that show
 * their effect. A scenario that uses them is tagged {@code @link-faults}, so that its mesh is
 * launched ready for them; a fault the backend cannot inject skips the scenario, naming the fault
 * and the backend.
 */
public final class LinkFaultSteps {
  // The steps that name a link: TopologyReferences checks the link exists before the run.
  static final String ROUTE_LATENCY =
      "the link between node {node} and node {node} gets {int} ms latency";
  static final String CLIENT_LATENCY = "clients of node {node} see {int} ms latency";
  static final String CUT_OFF = "node {node} is cut off from the others";
  static final String RECONNECTED = "node {node} is reconnected to the others";
  static final String GATEWAY_PARTITIONED =
      "the gateway between cluster {string} and cluster {string} is partitioned";
  static final String GATEWAY_HEALED =
      "the gateway between cluster {string} and cluster {string} is healed";
  static final String CLIENTS_RESET = "the client connections of node {node} are reset";

  private final MeshLease mesh;
  private final Requests requests;
  private final Figures figures;

  public LinkFaultSteps(MeshLease mesh, Requests requests, Figures figures) {
    this.mesh = mesh;
    this.requests = requests;
    this.figures = figures;
  }

  /** Example: {@code When the link between node 1 and node 2 gets 50 ms latency} (round trip). */
  @Example("When the link between node 1 and node 2 gets 50 ms latency")
  @When(ROUTE_LATENCY)
  public void theLinkGetsLatency(String nodeA, String nodeB, int millis) {
    inject(
        "latency on the route between node " + nodeA + " and node " + nodeB,
        f -> f.apply(Link.route(nodeA, nodeB), latency(millis)));
  }

  /** Example: {@code When clients of node 2 see 20 ms latency} (added to each round trip). */
  @Example("When clients of node 2 see 20 ms latency")
  @When(CLIENT_LATENCY)
  public void clientsSeeLatency(String node, int millis) {
    inject(
        "latency on the client links of node " + node,
        f -> f.apply(Link.clientsOf(node), latency(millis)));
  }

  /**
   * Example: {@code When node 1 is cut off from the others}: nothing crosses its routes, gateways
   * and leaf links; the connections hang rather than close. Its clients stay connected to it.
   */
  @Example("When node 1 is cut off from the others")
  @When(CUT_OFF)
  public void nodeIsCutOff(String node) {
    inject("node " + node + " cut off from the others", f -> f.cutOff(node));
  }

  /** Example: {@code When node 1 is reconnected to the others} (ends the cut). */
  @Example("When node 1 is reconnected to the others")
  @When(RECONNECTED)
  public void nodeIsReconnected(String node) {
    inject("node " + node + " reconnected to the others", f -> f.reconnect(node));
  }

  /** Example: {@code When the gateway between cluster "east" and cluster "west" is partitioned}. */
  @Example("When the gateway between cluster \"east\" and cluster \"west\" is partitioned")
  @When(GATEWAY_PARTITIONED)
  public void theGatewayIsPartitioned(String clusterA, String clusterB) {
    inject(
        "a partition of the gateway between " + clusterA + " and " + clusterB,
        f -> f.partition(Link.gateway(clusterA, clusterB)));
  }

  /** Example: {@code When the gateway between cluster "east" and cluster "west" is healed}. */
  @Example("When the gateway between cluster \"east\" and cluster \"west\" is healed")
  @When(GATEWAY_HEALED)
  public void theGatewayIsHealed(String clusterA, String clusterB) {
    inject(
        "a heal of the gateway between " + clusterA + " and " + clusterB,
        f -> f.heal(Link.gateway(clusterA, clusterB)));
  }

  /**
   * Example: {@code When the client connections of node 1 are reset} (TCP RST on each; the clients
   * reconnect, to any node they know).
   */
  @Example("When the client connections of node 1 are reset")
  @When(CLIENTS_RESET)
  public void clientConnectionsAreReset(String node) {
    inject("a reset of the client connections of node " + node, f -> f.reset(Link.clientsOf(node)));
  }

  /**
   * Example: {@code Then the median request time is between 50 and 80 ms} (of the latest batch of
   * requests, every one answered; reported as the figure {@code median request}).
   */
  @Example("Then the median request time is between 50 and 80 ms")
  @Then("the median request time is between {int} and {int} ms")
  public void theMedianRequestTimeIsBetween(int lowMillis, int highMillis) {
    RequestLog last = requests.last();
    assertThat(last.size()).as("requests were sent").isPositive();
    assertThat(last.count(Kind.ANSWERED))
        .as("every request answered: %s", last.describe())
        .isEqualTo(last.size());
    long medianMicros = RequestTimes.medianMicros(last);
    figures.record(new ConformanceFigure("median request", "µs", Map.of("requests", medianMicros)));
    assertThat(medianMicros / 1000.0)
        .as("median request time in ms (%d µs): %s", medianMicros, last.describe())
        .isBetween((double) lowMillis, (double) highMillis);
  }

  /**
   * Example: {@code Then every request is answered within 100 ms} (of the latest batch; the slowest
   * answer is reported as the figure {@code slowest request}).
   */
  @Example("Then every request is answered within 100 ms")
  @Then("every request is answered within {int} ms")
  public void everyRequestIsAnsweredWithin(int millis) {
    RequestLog last = requests.last();
    assertThat(last.size()).as("requests were sent").isPositive();
    assertThat(last.count(Kind.ANSWERED))
        .as("every request answered: %s", last.describe())
        .isEqualTo(last.size());
    long slowestMicros = last.maxLatencyNanos(Kind.ANSWERED).orElse(0L) / 1000;
    figures.record(
        new ConformanceFigure("slowest request", "µs", Map.of("requests", slowestMicros)));
    assertThat(slowestMicros / 1000.0)
        .as("slowest answer in ms: %s", last.describe())
        .isLessThanOrEqualTo(millis);
  }

  /**
   * Example: {@code Then within 10 seconds a client on node 2 sees requests to "svc.west.get" fail
   * fast with "no responders"}: one request at a time until one fails so, fast (under a quarter of
   * the request timeout). How long it took is reported as the figure {@code failing fast after}.
   */
  @Example(
      "Then within 10 seconds a client on node 2 sees requests to \"svc.west.get\" fail fast with"
          + " \"no responders\"")
  @Then(
      "within {int} seconds a client on node {node} sees requests to {string} fail fast with"
          + " {string}")
  public void withinSecondsRequestsFailFast(
      int seconds, String node, String subject, String failure) {
    Kind kind = ServiceSteps.kindNamed(failure);
    ClientSpec from = ClientSpec.on(node);
    long start = System.nanoTime();
    Waits.until(
        Duration.ofSeconds(seconds),
        "requests to " + subject + " from node " + node + " fail fast with " + failure,
        () -> failsFast(requests.send(from, subject, 1), kind),
        () -> requests.last().describe());
    long millis = (System.nanoTime() - start) / 1_000_000;
    figures.record(new ConformanceFigure("failing fast after", "ms", Map.of(subject, millis)));
  }

  private static boolean failsFast(RequestLog one, Kind kind) {
    return one.count(kind) == one.size()
        && one.maxLatencyNanos(kind).orElse(Long.MAX_VALUE) / 1_000_000
            < ServiceSteps.FAST_FAILURE_MILLIS;
  }

  private void inject(String what, Consumer<LinkFaults> fault) {
    mesh.markDisturbed(what);
    try {
      fault.accept(mesh.mesh().linkFaults());
    } catch (FaultsUnavailableException e) {
      throw new TestAbortedException("skipped: " + what + ": " + e.getMessage());
    }
  }

  private static LinkFault latency(int millis) {
    return LinkFault.latency(Duration.ofMillis(millis), Duration.ZERO);
  }
}
