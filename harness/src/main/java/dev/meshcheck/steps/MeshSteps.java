package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.topology.NodeState;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.Map;

/** Steps about the mesh itself: which topology, accounts' logins, node faults, reconnection. */
public final class MeshSteps {
  /** The step that names a scenario's topology; its mesh is what node references refer to. */
  static final String A_MESH = "a {string} mesh";

  private final MeshLease mesh;
  private final Clients clients;
  private final Subscriptions subscriptions;
  private final InterestWaits waits;
  private final Figures figures;

  public MeshSteps(
      MeshLease mesh,
      Clients clients,
      Subscriptions subscriptions,
      InterestWaits waits,
      Figures figures) {
    this.mesh = mesh;
    this.clients = clients;
    this.subscriptions = subscriptions;
    this.waits = waits;
    this.figures = figures;
  }

  /** Example: {@code Given a "cluster-3" mesh} (a topology name or a path to a topology file). */
  @Example("Given a \"cluster-3\" mesh")
  @Given(A_MESH)
  public void aMesh(String topology) {
    mesh.use(topology);
  }

  /** Example: {@code Given account "B" signs in as "bob" with password "secret"}. */
  @Example("Given account \"B\" signs in as \"bob\" with password \"secret\"")
  @Given("account {string} signs in as {string} with password {string}")
  public void accountSignsInAs(String account, String user, String password) {
    clients.defineLogin(account, user, password);
  }

  /** Example: {@code When node 1 is killed} (SIGKILL / container kill: nothing is drained). */
  @Example("When node 1 is killed")
  @When("node {node} is killed")
  public void nodeIsKilled(String node) {
    mesh.markDisturbed("node " + node + " killed");
    mesh.node(node).kill();
  }

  /** Example: {@code When node 2 is paused for 2 seconds} (SIGSTOP, then SIGCONT). */
  @Example("When node 2 is paused for 2 seconds")
  @When("node {node} is paused for {int} second(s)")
  public void nodeIsPausedFor(String node, int seconds) throws InterruptedException {
    mesh.markDisturbed("node " + node + " paused");
    mesh.node(node).pause();
    try {
      Thread.sleep(Duration.ofSeconds(seconds).toMillis()); // the pause itself is the fault
    } finally {
      mesh.node(node).resume();
    }
  }

  /** Example: {@code When node 1 is restarted} (returns once it has rejoined the mesh). */
  @Example("When node 1 is restarted")
  @When("node {node} is restarted")
  public void nodeIsRestarted(String node) {
    mesh.markDisturbed("node " + node + " restarted");
    mesh.node(node).restart();
  }

  /** Example: {@code When node 1 is put in lame-duck mode}. */
  @Example("When node 1 is put in lame-duck mode")
  @When("node {node} is put in lame-duck mode")
  public void nodeIsPutInLameDuckMode(String node) {
    mesh.markDisturbed("node " + node + " in lame-duck mode");
    mesh.node(node).enterLameDuckMode();
  }

  /**
   * Example: {@code Then within 5 seconds all clients are reconnected}: at least one client lost
   * its connection and every such client got it back within the time (each one's outage is measured
   * and reported as the figure {@code reconnect}); the reconnected subscribers' interest has
   * reached every running node again.
   */
  @Example("Then within 5 seconds all clients are reconnected")
  @Then("within {int} seconds all clients are reconnected")
  public void withinSecondsAllClientsAreReconnected(int seconds) {
    Map<String, Long> reconnectMillis =
        Reconnects.awaitAll(clients.all(), Duration.ofSeconds(seconds), this::isOnADownNode);
    figures.record(Reconnects.figure(reconnectMillis));
    subscriptions.all().stream()
        .filter(s -> reconnectMillis.containsKey(s.client().name()))
        .forEach(s -> waits.awaitInterest(s.client(), "resubscribed '" + s.name() + "'"));
  }

  private boolean isOnADownNode(String clientUrl) {
    return mesh.mesh().nodes().stream()
        .anyMatch(
            n -> n.state() != NodeState.RUNNING && Clients.sameServer(clientUrl, n.clientUrl()));
  }

  /** Example: {@code Then node 3 has interest in "svc.orders.create"} (its local clients). */
  @Example("Then node 3 has interest in \"svc.orders.create\"")
  @Then("node {node} has interest in {string}")
  public void nodeHasInterestIn(String node, String subject) {
    Waits.until(
        waits.deliveryDeadline(),
        "node " + node + " has local interest in " + subject,
        () -> SubjectInterest.localSubscriptions(mesh.node(node), subject) > 0,
        () ->
            "/subsz?subs=1&test="
                + subject
                + " lists "
                + SubjectInterest.localSubscriptions(mesh.node(node), subject)
                + " subscriptions");
    assertThat(SubjectInterest.localSubscriptions(mesh.node(node), subject)).isPositive();
  }
}
