package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.topology.MeshNode;
import dev.meshcheck.topology.NodeState;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Failover: clients move to another node and their subscriptions work again. */
public final class FailoverSteps {
  /** Grace period (2 s) plus at most one second per client, with room for a busy machine. */
  static final Duration LAME_DUCK_DEADLINE = Duration.ofSeconds(40);

  private static final int MAX_LAME_DUCK_REQUESTS = 100_000;

  private final MeshWorld world;

  public FailoverSteps(MeshWorld world) {
    this.world = world;
  }

  /**
   * Example: {@code Then "survivor" is reconnected to another node than node 1 within 5 seconds}
   * (and its subscriptions' interest has reached every running node again).
   */
  @Example("Then \"survivor\" is reconnected to another node than node 1 within 5 seconds")
  @Then("{string} is reconnected to another node than node {node} within {int} seconds")
  public void isReconnectedToAnotherNode(String subscriber, String node, int seconds) {
    TrackedClient client = world.subscriber(subscriber).client();
    String lostUrl = world.node(node).clientUrl();
    Waits.until(
        Duration.ofSeconds(seconds),
        "'" + subscriber + "' reconnected to a node other than " + node,
        () -> client.isConnected() && !sameServer(client.connectedUrl(), lostUrl),
        () -> client + " on '" + client.connectedUrl() + "', reconnects " + client.reconnects());
    world.awaitInterest(client, "resubscribed '" + subscriber + "'");
  }

  private static boolean sameServer(String connectedUrl, String nodeUrl) {
    return connectedUrl.replace("nats://", "").equals(nodeUrl.replace("nats://", ""));
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
    world.markMeshDisturbed("node " + killedNode + " killed");
    int before = world.requests().size();
    CompletableFuture<RequestLog> sending =
        CompletableFuture.supplyAsync(
            () -> world.sendRequests(ClientSpec.on(clientNode), subject, count));
    Waits.until(
        Duration.ofSeconds(30),
        "a third of the requests sent before the kill",
        () -> world.requests().size() - before >= count / 3,
        () -> (world.requests().size() - before) + " sent");
    world.node(killedNode).kill();
    sending.get(count * MeshWorld.REQUEST_TIMEOUT.toMillis() + 10_000, TimeUnit.MILLISECONDS);
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
  public void sendsRequestsThroughLameDuckMode(String clientNode, String subject, String lameNode) {
    world.markMeshDisturbed("node " + lameNode + " in lame-duck mode");
    MeshNode node = world.node(lameNode);
    long deadlineNanos = System.nanoTime() + LAME_DUCK_DEADLINE.toNanos();
    node.enterLameDuckMode();
    RequestLog sent =
        world.sendRequestsUntil(
            ClientSpec.on(clientNode),
            subject,
            () -> node.state() == NodeState.STOPPED || System.nanoTime() > deadlineNanos,
            MAX_LAME_DUCK_REQUESTS);
    assertThat(node.state())
        .as("node %s shut down after lame-duck mode (%d requests sent)", lameNode, sent.size())
        .isEqualTo(NodeState.STOPPED);
  }

  /**
   * Example: {@code Then every client of node 1 was told it is in lame-duck mode} (the INFO with
   * {@code ldm}, which the client reports as a lame-duck event).
   */
  @Example("Then every client that was on node 1 was told it went into lame-duck mode")
  @Then("every client that was on node {node} was told it went into lame-duck mode")
  public void clientsWereToldOfLameDuckMode(String node) {
    int number = world.node(node).number();
    List<TrackedClient> onNode =
        world.allClients().stream()
            .filter(c -> world.node(c.spec().nodeName()).number() == number)
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
    RequestLog last = world.lastRequests();
    assertThat(last.size()).as("requests were sent").isPositive();
    assertThat(last.failed())
        .as("at most %d failed: %s", allowed, last.describe())
        .isLessThanOrEqualTo(allowed);
  }
}
