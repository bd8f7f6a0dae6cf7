package dev.meshcheck.steps;

import io.cucumber.java.en.Then;
import java.time.Duration;
import java.util.List;

/** Permission denials: the server reports them to the client, and nothing is delivered. */
public final class SecuritySteps {
  private final Subscriptions subscriptions;
  private final Clients clients;
  private final Duration deadline;

  public SecuritySteps(Subscriptions subscriptions, Clients clients, RunSettings settings) {
    this.subscriptions = subscriptions;
    this.clients = clients;
    this.deadline = settings.deliveryDeadline();
  }

  /** Example: {@code Then "snoop" is denied subscribing to "forbidden.>"}. */
  @Example("Then \"snoop\" is denied subscribing to \"forbidden.>\"")
  @Then("{string} is denied subscribing to {string}")
  public void isDeniedSubscribingTo(String subscriber, String subject) {
    TrackedClient client = subscriptions.named(subscriber).client();
    awaitError(List.of(client), "Permissions Violation for Subscription to \"" + subject + "\"");
  }

  /** Example: {@code Then clients of account "D" are denied publishing to "forbidden.x"}. */
  @Example("Then clients of account \"D\" are denied publishing to \"forbidden.x\"")
  @Then("clients of account {string} are denied publishing to {string}")
  public void clientsOfAccountAreDeniedPublishingTo(String account, String subject) {
    List<TrackedClient> ofAccount =
        clients.all().stream()
            .filter(c -> c.spec().account().filter(account::equals).isPresent())
            .toList();
    awaitError(ofAccount, "Permissions Violation for Publish to \"" + subject + "\"");
  }

  private void awaitError(List<TrackedClient> clients, String expected) {
    Waits.until(
        deadline,
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
