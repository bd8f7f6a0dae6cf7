package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import java.io.IOException;

/**
 * JetStream: streams keep what core NATS does not, so a late joiner can replay everything (deliver
 * all) or only what follows (deliver new).
 */
public final class JetStreamSteps {
  private final JetStreamState streams;
  private final Clients clients;
  private final Publishers publishers;
  private final Subscriptions subscriptions;

  public JetStreamSteps(
      JetStreamState streams, Clients clients, Publishers publishers, Subscriptions subscriptions) {
    this.streams = streams;
    this.clients = clients;
    this.publishers = publishers;
    this.subscriptions = subscriptions;
  }

  /** Example: {@code Given a stream "ORDERS" capturing "orders.>"} (memory, one replica). */
  @Example("Given a stream \"ORDERS\" capturing \"orders.>\"")
  @Given("a stream {string} capturing {string}")
  public void aStreamCapturing(String stream, String subjects)
      throws IOException, JetStreamApiException {
    streams.createStream(stream, subjects);
  }

  /** Example: {@code When a JetStream publisher on node 1 sends 10 messages to "orders.new"}. */
  @Example("When a JetStream publisher on node 1 sends 10 messages to \"orders.new\"")
  @When("a JetStream publisher on node {node} sends {int} message(s) to {string}")
  public void aJetStreamPublisherSends(String node, int count, String subject)
      throws IOException, JetStreamApiException {
    JetStream js = clients.shared(ClientSpec.on(node)).connection().jetStream();
    String publisher = publishers.nextName();
    for (int seq = 1; seq <= count; seq++) {
      js.publish(subject, Payloads.traffic(publisher, seq)); // waits for the stream's ack
    }
  }

  /** Example: {@code Then stream "ORDERS" holds 10 messages}. */
  @Example("Then stream \"ORDERS\" holds 10 messages")
  @Then("stream {string} holds {int} message(s)")
  public void streamHolds(String stream, int expected) throws IOException, JetStreamApiException {
    assertThat(streams.storedMessages(stream))
        .as("messages in stream %s", stream)
        .isEqualTo(expected);
  }

  /**
   * Example: {@code Given a consumer "replay" on node 2 of stream "ORDERS" delivering all} (an
   * ephemeral push consumer; its messages count like a subscriber's).
   */
  @Example("Given a consumer \"replay\" on node 2 of stream \"ORDERS\" delivering all")
  @Given("a consumer {string} on node {node} of stream {string} delivering {word}")
  public void aConsumerDelivering(String name, String node, String stream, String policy)
      throws IOException, JetStreamApiException {
    DeliverPolicy deliver =
        switch (policy) {
          case "all" -> DeliverPolicy.All;
          case "new" -> DeliverPolicy.New;
          case "last" -> DeliverPolicy.Last;
          default ->
              throw new IllegalArgumentException(
                  "deliver policy '" + policy + "' unknown; valid: all, new, last");
        };
    subscriptions.subscribeJetStream(
        name,
        ClientSpec.on(node),
        streams.firstSubject(stream),
        PushSubscribeOptions.builder().stream(stream)
            .configuration(ConsumerConfiguration.builder().deliverPolicy(deliver).build())
            .build());
  }
}
