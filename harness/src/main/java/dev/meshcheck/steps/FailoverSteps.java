package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Failover: clients move to another node and their subscriptions work again. */
public final class FailoverSteps {
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
