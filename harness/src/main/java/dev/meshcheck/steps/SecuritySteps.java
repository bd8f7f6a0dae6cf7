package dev.meshcheck.steps;

import io.cucumber.java.en.Then;
import java.util.List;

/** Permission denials: the server reports them to the client, and nothing is delivered. */
public final class SecuritySteps {
  private final MeshWorld world;

  public SecuritySteps(MeshWorld world) {
    this.world = world;
  }

  /** Example: {@code Then "snoop" is denied subscribing to "forbidden.>"}. */
  @Example("Then \"snoop\" is denied subscribing to \"forbidden.>\"")
  @Then("{string} is denied subscribing to {string}")
  public void isDeniedSubscribingTo(String subscriber, String subject) {
    TrackedClient client = world.subscriber(subscriber).client();
    awaitError(List.of(client), "Permissions Violation for Subscription to \"" + subject + "\"");
  }

  /** Example: {@code Then clients of account "D" are denied publishing to "forbidden.x"}. */
  @Example("Then clients of account \"D\" are denied publishing to \"forbidden.x\"")
  @Then("clients of account {string} are denied publishing to {string}")
  public void clientsOfAccountAreDeniedPublishingTo(String account, String subject) {
    List<TrackedClient> clients =
        world.allClients().stream()
            .filter(c -> c.spec().account().filter(account::equals).isPresent())
            .toList();
    awaitError(clients, "Permissions Violation for Publish to \"" + subject + "\"");
  }

  private static void awaitError(List<TrackedClient> clients, String expected) {
    Waits.until(
        MeshWorld.DELIVERY_DEADLINE,
        "the server reports '" + expected + "'",
        () ->
            clients.stream().anyMatch(c -> c.errors().stream().anyMatch(e -> e.contains(expected))),
        () ->
            "errors reported to "
                + clients
                + ": "
                + clients.stream().map(TrackedClient::errors).toList());
  }
}
