package dev.meshcheck.steps;

import java.time.Duration;
import java.util.List;

/**
 * Waits that keep a scenario from racing the mesh: until a new subscription's interest has reached
 * every running node, until a departed member's removal has, and until everything published has
 * reached a subscriber or never will. Each ends on its condition, or at {@link #DELIVERY_DEADLINE}.
 * Not thread-safe: steps run on one thread.
 */
public final class InterestWaits {
  /** How long a Then step waits for asynchronous delivery before it fails. */
  public static final Duration DELIVERY_DEADLINE = Duration.ofSeconds(10);

  private final MeshLease mesh;
  private final Clients clients;
  private final Publishers publishers;
  private final ScenarioContext scenario;

  public InterestWaits(
      MeshLease mesh, Clients clients, Publishers publishers, ScenarioContext scenario) {
    this.mesh = mesh;
    this.clients = clients;
    this.publishers = publishers;
    this.scenario = scenario;
  }

  /** Fails naming the nodes the interest of {@code client} has not reached. */
  public void awaitInterest(TrackedClient client, String what) {
    List<String> missing =
        new InterestProbe(DELIVERY_DEADLINE)
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
              + DELIVERY_DEADLINE.toSeconds()
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
        new InterestProbe(DELIVERY_DEADLINE)
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
              + DELIVERY_DEADLINE.toSeconds()
              + " s");
    }
  }

  /**
   * Waits until everything published so far has reached {@code subscriber} or never will: a marker
   * from each node that published is delivered after that node's earlier messages.
   */
  public void settle(RecordingSubscriber subscriber) {
    if (subscriber.isJetStream()) {
      // Markers would be stored by the stream; the consumer's own state says when it is done.
      Waits.until(
          DELIVERY_DEADLINE,
          "consumer '" + subscriber.name() + "' has nothing pending",
          subscriber::isJetStreamDrained,
          subscriber::describe);
      return;
    }
    new Settler(this::markerClient, DELIVERY_DEADLINE)
        .settle(subscriber, publishers.publishedFrom(), this::markerRefused);
  }

  /** The subscription itself or the marker's publish was refused: no marker can arrive. */
  private boolean markerRefused(RecordingSubscriber subscriber) {
    boolean subscriptionRefused =
        subscriber.client().errors().stream()
            .anyMatch(e -> e.contains("Permissions Violation for Subscription"));
    boolean markerRefused =
        clients.all().stream()
            .filter(c -> c.spec().account().equals(subscriber.client().spec().account()))
            .flatMap(c -> c.errors().stream())
            .anyMatch(
                e ->
                    e.contains("Permissions Violation for Publish")
                        && e.contains("meshcheck-marker"));
    return subscriptionRefused || markerRefused;
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
