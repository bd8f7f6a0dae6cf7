package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Optional;

/** Steps about subscribers and publishers: who listens to what, who sends, who receives. */
public final class PubSubSteps {
  private final Subscriptions subscriptions;
  private final Publishers publishers;
  private final InterestWaits waits;

  public PubSubSteps(Subscriptions subscriptions, Publishers publishers, InterestWaits waits) {
    this.subscriptions = subscriptions;
    this.publishers = publishers;
    this.waits = waits;
  }

  /** Example: {@code Given a subscriber "audit" on node 2 listening to "app.*.save"}. */
  @Example("Given a subscriber \"audit\" on node 2 listening to \"app.*.save\"")
  @Given("a subscriber {string} on node {node} listening to {string}")
  public void aSubscriberListeningTo(String name, String node, String subject) {
    subscriptions.subscribe(name, ClientSpec.on(node), List.of(subject), Optional.empty());
  }

  /**
   * Example: {@code Given a subscriber "logging" on node 1 listening to the subjects "app.*.error
   * app.*.info"} (space-separated, one connection).
   */
  @Example(
      "Given a subscriber \"logging\" on node 1 listening to the subjects \"app.*.error app.*.info\"")
  @Given("a subscriber {string} on node {node} listening to the subjects {string}")
  public void aSubscriberListeningToSubjects(String name, String node, String subjects) {
    subscriptions.subscribe(
        name, ClientSpec.on(node), List.of(subjects.trim().split("\\s+")), Optional.empty());
  }

  /** Example: {@code Given a subscriber "b-audit" of account "B" on node 2 listening to "x.>"}. */
  @Example("Given a subscriber \"b-audit\" of account \"B\" on node 2 listening to \"x.>\"")
  @Given("a subscriber {string} of account {string} on node {node} listening to {string}")
  public void aSubscriberOfAccountListeningTo(
      String name, String account, String node, String subject) {
    subscriptions.subscribe(name, ClientSpec.of(account, node), List.of(subject), Optional.empty());
  }

  /** Example: {@code Given a subscriber "w1" on node 1 listening to "jobs" in queue group "w"}. */
  @Example("Given a subscriber \"w1\" on node 1 listening to \"jobs\" in queue group \"w\"")
  @Given("a subscriber {string} on node {node} listening to {string} in queue group {string}")
  public void aQueueSubscriber(String name, String node, String subject, String queueGroup) {
    subscriptions.subscribe(name, ClientSpec.on(node), List.of(subject), Optional.of(queueGroup));
  }

  /** Example: {@code When a publisher on node 1 sends 1000 messages to "app.rooms.booked"}. */
  @Example("When a publisher on node 1 sends 1000 messages to \"app.rooms.booked\"")
  @When("a publisher on node {node} sends {int} message(s) to {string}")
  public void aPublisherSends(String node, int count, String subject) {
    publishers.publish(ClientSpec.on(node), subject, count);
  }

  /** Example: {@code When a publisher of account "A" on node 1 sends 10 messages to "x.y"}. */
  @Example("When a publisher of account \"A\" on node 1 sends 10 messages to \"x.y\"")
  @When("a publisher of account {string} on node {node} sends {int} message(s) to {string}")
  public void aPublisherOfAccountSends(String account, String node, int count, String subject) {
    publishers.publish(ClientSpec.of(account, node), subject, count);
  }

  /** Example: {@code Then "audit" receives exactly 1000 messages}. */
  @Example("Then \"audit\" receives exactly 1000 messages")
  @Then("{string} receives exactly {int} message(s)")
  public void receivesExactly(String name, int expected) {
    RecordingSubscriber subscriber = subscriptions.named(name);
    Waits.until(
        waits.deliveryDeadline(),
        "'" + name + "' receives " + expected + " messages",
        () -> subscriber.received() >= expected,
        subscriber::describe);
    waits.settle(subscriber);
    assertThat(subscriber.received())
        .as("exactly %d messages, no more: %s", expected, subscriber.describe())
        .isEqualTo(expected);
  }

  /** Example: {@code Then "audit" receives exactly 1000 messages in order}. */
  @Example("Then \"audit\" receives exactly 1000 messages in order")
  @Then("{string} receives exactly {int} message(s) in order")
  public void receivesExactlyInOrder(String name, int expected) {
    receivesExactly(name, expected);
    RecordingSubscriber subscriber = subscriptions.named(name);
    assertThat(subscriber.outOfOrder() + subscriber.duplicates())
        .as("in order and without duplicates: %s", subscriber.describe())
        .isZero();
  }

  /** Example: {@code Then "compliance" receives no messages}. */
  @Example("Then \"compliance\" receives no messages")
  @Then("{string} receives no messages")
  public void receivesNoMessages(String name) {
    RecordingSubscriber subscriber = subscriptions.named(name);
    waits.settle(subscriber);
    assertThat(subscriber.received()).as("no messages: %s", subscriber.describe()).isZero();
  }

  /** Example: {@code Then "logging" receives 5 messages on "app.rooms.error"}. */
  @Example("Then \"logging\" receives 5 messages on \"app.rooms.error\"")
  @Then("{string} receives {int} message(s) on {string}")
  public void receivesOnSubject(String name, int expected, String subject) {
    RecordingSubscriber subscriber = subscriptions.named(name);
    Waits.until(
        waits.deliveryDeadline(),
        "'" + name + "' receives " + expected + " messages on " + subject,
        () -> subscriber.receivedBySubject().getOrDefault(subject, 0) >= expected,
        subscriber::describe);
    waits.settle(subscriber);
    assertThat(subscriber.receivedBySubject().getOrDefault(subject, 0))
        .as("messages on %s: %s", subject, subscriber.describe())
        .isEqualTo(expected);
  }

  /** Example: {@code Then "w1" and "w2" together receive exactly 100 messages}. */
  @Example("Then \"w1\" and \"w2\" together receive exactly 100 messages")
  @Then("{string} and {string} together receive exactly {int} message(s)")
  public void togetherReceiveExactly(String first, String second, int expected) {
    RecordingSubscriber a = subscriptions.named(first);
    RecordingSubscriber b = subscriptions.named(second);
    Waits.until(
        waits.deliveryDeadline(),
        "'" + first + "' and '" + second + "' together receive " + expected + " messages",
        () -> a.received() + b.received() >= expected,
        () -> a.describe() + "; " + b.describe());
    waits.settle(a);
    waits.settle(b);
    assertThat(a.received() + b.received())
        .as("one copy per queue group: %s; %s", a.describe(), b.describe())
        .isEqualTo(expected);
  }
}
