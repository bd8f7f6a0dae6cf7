package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.topology.MeshNode;
import dev.meshcheck.topology.NodeState;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/** Failover: clients move to another node and their subscriptions work again. */
public final class FailoverSteps {
  /** Grace period (2 s) plus at most one second per client, with room for a busy machine. */
  static final Duration LAME_DUCK_DEADLINE = Duration.ofSeconds(40);

  private static final int MAX_LAME_DUCK_REQUESTS = 100_000;

  private final MeshLease mesh;
  private final Clients clients;
  private final Subscriptions subscriptions;
  private final Requests requests;
  private final InterestWaits waits;
  private final Figures figures;

  public FailoverSteps(
      MeshLease mesh,
      Clients clients,
      Subscriptions subscriptions,
      Requests requests,
      InterestWaits waits,
      Figures figures) {
    this.figures = figures;
    this.mesh = mesh;
    this.clients = clients;
    this.subscriptions = subscriptions;
    this.requests = requests;
    this.waits = waits;
  }

  /**
   * Example: {@code Then "survivor" is reconnected to another node than node 1 within 5 seconds}
   * (and its subscriptions' interest has reached every running node again).
   */
  @Example("Then \"survivor\" is reconnected to another node than node 1 within 5 seconds")
  @Then("{string} is reconnected to another node than node {node} within {int} seconds")
  public void isReconnectedToAnotherNode(String subscriber, String node, int seconds) {
    TrackedClient client = subscriptions.named(subscriber).client();
    long millis = Reconnects.awaitOne(client, Duration.ofSeconds(seconds), mesh.node(node));
    figures.record(Reconnects.figure(Map.of(client.name(), millis)));
    waits.awaitInterest(client, "resubscribed '" + subscriber + "'");
  }

  /**
   * Example: {@code When a client on node 3 sends 150 requests to "svc.orders.create" while node 1
   * is killed} (the kill comes after a third of the requests).
   */
  @Example(
      "When a client on node 3 sends 150 requests to \"svc.orders.create\" while node 1 is killed")
  @When("a client on node {node} sends {int} requests to {string} while node {node} is killed")
  public void sendsRequestsWhileNodeIsKilled(
      String clientNode, int count, String subject, String killedNode)
      throws InterruptedException, ExecutionException, TimeoutException {
    mesh.markDisturbed("node " + killedNode + " killed");
    ClientSpec from = ClientSpec.on(clientNode);
    clients.shared(from); // connected here, not on the sending thread
    int before = requests.all().size();
    CompletableFuture<RequestLog> sending =
        CompletableFuture.supplyAsync(() -> requests.send(from, subject, count));
    Waits.until(
        Duration.ofSeconds(30),
        "a third of the requests sent before the kill",
        () -> requests.all().size() - before >= count / 3,
        () -> (requests.all().size() - before) + " sent");
    mesh.node(killedNode).kill();
    sending.get(count * Requests.REQUEST_TIMEOUT.toMillis() + 10_000, TimeUnit.MILLISECONDS);
  }

  /**
   * Example: {@code When a client on node 3 keeps sending requests to "svc.orders.create" while
   * node 1 goes through lame-duck mode}. The node is put in lame-duck mode and requests go out one
   * after another until the node has shut itself down, which it does once it has closed its last
   * client (after the grace period, at most one second per client), bounded by {@link
   * #LAME_DUCK_DEADLINE}.
   */
  @Example(
      "When a client on node 3 keeps sending requests to \"svc.orders.create\" while node 1 goes"
          + " through lame-duck mode")
  @When(
      "a client on node {node} keeps sending requests to {string} while node {node} goes through"
          + " lame-duck mode")
  public void sendsRequestsThroughLameDuckMode(String clientNode, String subject, String lameNode)
      throws InterruptedException, ExecutionException, TimeoutException {
    mesh.markDisturbed("node " + lameNode + " in lame-duck mode");
    MeshNode node = mesh.node(lameNode);
    ClientSpec from = ClientSpec.on(clientNode);
    clients.shared(from); // connected here, not on the sending thread
    AtomicBoolean stop = new AtomicBoolean();
    node.enterLameDuckMode();
    CompletableFuture<RequestLog> sending =
        CompletableFuture.supplyAsync(
            () -> requests.sendUntil(from, subject, stop::get, MAX_LAME_DUCK_REQUESTS));
    try {
      Waits.until(
          LAME_DUCK_DEADLINE,
          "node " + lameNode + " shuts down after lame-duck mode",
          () -> node.state() == NodeState.STOPPED,
          () -> "node " + node.state() + " after " + requests.all().size() + " requests");
    } finally {
      stop.set(true);
      sending.get(Requests.REQUEST_TIMEOUT.toMillis() + 10_000, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Example: {@code Then every client of node 1 was told it is in lame-duck mode} (the INFO with
   * {@code ldm}, which the client reports as a lame-duck event).
   */
  @Example("Then every client that was on node 1 was told it went into lame-duck mode")
  @Then("every client that was on node {node} was told it went into lame-duck mode")
  public void clientsWereToldOfLameDuckMode(String node) {
    int number = mesh.node(node).number();
    List<TrackedClient> onNode =
        clients.all().stream()
            .filter(c -> mesh.node(c.spec().nodeName()).number() == number)
            .toList();
    assertThat(onNode).as("clients seeded with node %s", node).isNotEmpty();
    assertThat(onNode)
        .as("clients of node %s that saw the lame-duck notice", node)
        .allMatch(c -> c.lameDuckNotices() > 0, "saw a lame-duck notice");
  }

  /** Example: {@code Then at most 3 requests fail}. */
  @Example("Then at most 3 requests fail")
  @Then("at most {int} request(s) fail(s)")
  public void atMostRequestsFail(int allowed) {
    RequestLog last = requests.last();
    assertThat(last.size()).as("requests were sent").isPositive();
    assertThat(last.failed())
        .as("at most %d failed: %s", allowed, last.describe())
        .isLessThanOrEqualTo(allowed);
  }
}
