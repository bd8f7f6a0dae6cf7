package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.List;

/**
 * What the mesh tells its operators about itself: the system account's advisories when a client
 * connects and disconnects ({@code $SYS.ACCOUNT.<account>.CONNECT|DISCONNECT}), and service latency
 * measurements of an export with {@code latency:} tracking. Subscribers record the server's events
 * they receive ({@link ServerEvents}); these steps wait for the ones expected.
 */
public final class ObservabilitySteps {
  private final Clients clients;
  private final Subscriptions subscriptions;
  private final Duration deadline;

  public ObservabilitySteps(Clients clients, Subscriptions subscriptions, RunSettings settings) {
    this.clients = clients;
    this.subscriptions = subscriptions;
    this.deadline = settings.deliveryDeadline();
  }

  /**
   * Example: {@code When a client "visitor" of account "APP" joins node 2 and leaves} (connects,
   * then closes its connection).
   */
  @Example("When a client \"visitor\" of account \"APP\" joins node 2 and leaves")
  @When("a client {string} of account {string} joins node {node} and leaves")
  public void aClientJoinsAndLeaves(String name, String account, String node)
      throws InterruptedException {
    TrackedClient client = clients.connect(name, ClientSpec.of(account, node));
    client.connection().close();
  }

  /**
   * Example: {@code Then "advisories" sees "visitor" of account "APP" connect and disconnect} (a
   * connect advisory and then a disconnect advisory naming that client and account).
   */
  @Example("Then \"advisories\" sees \"visitor\" of account \"APP\" connect and disconnect")
  @Then("{string} sees {string} of account {string} connect and disconnect")
  public void seesConnectAndDisconnect(String subscriber, String client, String account) {
    RecordingSubscriber recorder = subscriptions.named(subscriber);
    String connectionName = Clients.CONNECTION_NAME_PREFIX + client;
    Waits.until(
        deadline,
        "'"
            + subscriber
            + "' sees a connect and then a disconnect advisory of '"
            + client
            + "' in account "
            + account,
        () -> connectThenDisconnect(recorder.serverEvents(), connectionName, account),
        () -> ServerEvents.describe(recorder.serverEvents()));
  }

  private static boolean connectThenDisconnect(
      List<JsonNode> events, String connectionName, String account) {
    int connect = -1;
    for (int i = 0; i < events.size(); i++) {
      JsonNode event = events.get(i);
      if (connect < 0
          && ServerEvents.isAbout(event, ServerEvents.CONNECT, connectionName, account)) {
        connect = i;
      } else if (connect >= 0
          && ServerEvents.isAbout(event, ServerEvents.DISCONNECT, connectionName, account)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Example: {@code Then "metrics" receives 10 service latency measurements} (exactly that many,
   * each of an answered request: status 200, a total time, a service time no longer than it).
   */
  @Example("Then \"metrics\" receives 10 service latency measurements")
  @Then("{string} receives {int} service latency measurement(s)")
  public void receivesServiceLatencyMeasurements(String subscriber, int expected) {
    RecordingSubscriber recorder = subscriptions.named(subscriber);
    String behaviour =
        "'" + subscriber + "' receives " + expected + " service latency measurements";
    Waits.until(
        deadline,
        behaviour,
        () -> measurements(recorder).size() >= expected,
        () -> ServerEvents.describe(recorder.serverEvents()));
    // A late extra one would mean requests measured twice or measurements of others.
    Waits.within(deadline.dividedBy(10), () -> measurements(recorder).size() > expected);
    List<JsonNode> measured = measurements(recorder);
    assertThat(measured)
        .as("%s, no more: %s", behaviour, ServerEvents.describe(recorder.serverEvents()))
        .hasSize(expected);
    assertThat(measured)
        .as("every measurement is of an answered request, its service time within the total")
        .allSatisfy(
            m -> {
              assertThat(m.path("status").asInt()).as("status of %s", m).isEqualTo(200);
              // The server subtracts the clients' round-trip times measured at connect; on a
              // loaded machine those can exceed the service time, which it then reports as 0.
              assertThat(m.path("service").asLong()).as("service of %s", m).isNotNegative();
              assertThat(m.path("total").asLong())
                  .as("total of %s", m)
                  .isPositive()
                  .isGreaterThanOrEqualTo(m.path("service").asLong());
            });
  }

  private static List<JsonNode> measurements(RecordingSubscriber recorder) {
    return recorder.serverEvents().stream()
        .filter(e -> e.path("type").asText().equals(ServerEvents.SERVICE_LATENCY))
        .toList();
  }
}
