package dev.meshcheck.steps;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Waits that keep a scenario from racing the mesh: until a new subscription's interest has reached
 * every running node, until a departed member's removal has, and until everything published has
 * reached a subscriber or never will. Each ends on its condition, or at the run's delivery deadline
 * ({@link RunSettings#deliveryDeadline()}). Not thread-safe: steps run on one thread.
 */
public final class InterestWaits {
  private final MeshLease mesh;
  private final Clients clients;
  private final Publishers publishers;
  private final ScenarioContext scenario;
  private final Duration deliveryDeadline;

  public InterestWaits(
      RunSettings settings,
      MeshLease mesh,
      Clients clients,
      Publishers publishers,
      ScenarioContext scenario) {
    this.deliveryDeadline = settings.deliveryDeadline();
    this.mesh = mesh;
    this.clients = clients;
    this.publishers = publishers;
    this.scenario = scenario;
  }

  /** How long a Then step waits for asynchronous delivery before it fails. */
  public Duration deliveryDeadline() {
    return deliveryDeadline;
  }

  /** Fails naming the nodes the interest of {@code client} has not reached. */
  public void awaitInterest(TrackedClient client, String what) {
    List<String> missing =
        new InterestProbe(deliveryDeadline)
            .await(
                client,
                mesh.runningNodeNames(),
                node -> clients.shared(new ClientSpec(node, client.spec().account())),
                () -> probeWasDenied(client));
    if (!missing.isEmpty() && probeWasDenied(client)) {
      scenario.log(
          "interest probe not permitted for " + client + "; interest propagation not awaited");
      return;
    }
    if (!missing.isEmpty()) {
      throw new AssertionError(
          "interest propagation: "
              + what
              + " (on "
              + client.spec().describe()
              + ") did not reach node(s) "
              + missing
              + " within "
              + deliveryDeadline.toSeconds()
              + " s; are the nodes routed / gatewayed to each other? client errors: "
              + client.errors());
    }
  }

  /**
   * Waits until every running node has processed what {@code departed}'s connection did before
   * (such as leaving a queue group), so the next request is not routed to a member that is gone.
   */
  void awaitDeparture(ServiceMember departed) {
    ClientSpec spec = departed.client().spec();
    List<String> missing =
        new InterestProbe(deliveryDeadline)
            .awaitProcessed(
                clients.shared(new ClientSpec(departed.nodeName(), spec.account())),
                mesh.runningNodeNames(),
                node -> clients.shared(new ClientSpec(node, spec.account())));
    if (!missing.isEmpty()) {
      throw new AssertionError(
          "interest removal: departure of "
              + departed.memberId()
              + " did not reach node(s) "
              + missing
              + " within "
              + deliveryDeadline.toSeconds()
              + " s");
    }
  }

  /**
   * Waits until everything published so far has reached {@code subscriber} or never will, and
   * proves that it was listening: a marker from each node that published arrives after that node's
   * earlier messages (see {@link Settler}), unless the server refused the subscription.
   *
   * @return per subscription, whether it was listening or refused
   * @throws AssertionError "could not confirm the subscriber was listening ..." otherwise
   */
  public Map<String, Settler.Settlement> settle(RecordingSubscriber subscriber) {
    if (subscriber.isJetStream()) {
      // Markers would be stored by the stream; the consumer's own state says when it is done.
      Waits.until(
          deliveryDeadline,
          "consumer '" + subscriber.name() + "' has nothing pending",
          subscriber::isJetStreamDrained,
          subscriber::describe);
      return Map.of(subscriber.subjects().get(0), Settler.Settlement.LISTENING);
    }
    return new Settler(this::markerClient, deliveryDeadline)
        .settle(subscriber, publishers.publishedFrom());
  }

  private TrackedClient markerClient(ClientSpec publisherSpec, RecordingSubscriber subscriber) {
    return clients.shared(
        new ClientSpec(publisherSpec.nodeName(), subscriber.client().spec().account()));
  }

  /** A client whose permissions forbid the harness's probe subjects cannot be probed. */
  private boolean probeWasDenied(TrackedClient subscriber) {
    return clients.all().stream()
        .filter(c -> c == subscriber || c.spec().account().equals(subscriber.spec().account()))
        .flatMap(c -> c.errors().stream())
        .anyMatch(e -> e.contains("Permissions Violation") && e.contains("_MESHCHECK"));
  }
}
