package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.List;

/** Steps about the mesh itself: which topology, accounts' logins, node faults, reconnection. */
public final class MeshSteps {
  private final MeshLease mesh;
  private final Clients clients;

  public MeshSteps(MeshLease mesh, Clients clients) {
    this.mesh = mesh;
    this.clients = clients;
  }

  /** Example: {@code Given a "cluster-3" mesh} (a topology name or a path to a topology file). */
  @Example("Given a \"cluster-3\" mesh")
  @Given("a {string} mesh")
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

  /** Example: {@code Then within 5 seconds all clients are reconnected}. */
  @Example("Then within 5 seconds all clients are reconnected")
  @Then("within {int} seconds all clients are reconnected")
  public void withinSecondsAllClientsAreReconnected(int seconds) {
    Waits.until(
        Duration.ofSeconds(seconds),
        "all clients reconnected",
        () -> clients.all().stream().allMatch(TrackedClient::isConnected),
        () -> "disconnected: " + disconnected());
  }

  private List<String> disconnected() {
    return clients.all().stream()
        .filter(c -> !c.isConnected())
        .map(TrackedClient::toString)
        .toList();
  }

  /** Example: {@code Then node 3 has interest in "svc.orders.create"} (its local clients). */
  @Example("Then node 3 has interest in \"svc.orders.create\"")
  @Then("node {node} has interest in {string}")
  public void nodeHasInterestIn(String node, String subject) {
    Waits.until(
        InterestWaits.DELIVERY_DEADLINE,
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
