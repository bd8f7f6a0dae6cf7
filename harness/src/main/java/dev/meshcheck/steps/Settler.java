package dev.meshcheck.steps;

import io.nats.client.NUID;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Decides when nothing more is on its way to a subscriber, without sleeping a guessed time: a
 * marker message is published from every node that published traffic, in the subscriber's account,
 * on a literal subject the subscriber listens to. Messages between two nodes travel in order, so
 * once a node's marker has arrived, everything published on that node before it has arrived too.
 * Markers that cannot arrive (a queue group member that the marker passed by, a denied permission)
 * end the wait at the deadline.
 */
final class Settler {
  private final BiFunction<ClientSpec, RecordingSubscriber, TrackedClient> markerClient;
  private final Duration deadline;

  Settler(
      BiFunction<ClientSpec, RecordingSubscriber, TrackedClient> markerClient, Duration deadline) {
    this.markerClient = markerClient;
    this.deadline = deadline;
  }

  /**
   * @param refused true once the server has refused the subscription or a marker: stop waiting
   */
  void settle(
      RecordingSubscriber subscriber,
      Collection<ClientSpec> publishers,
      java.util.function.Predicate<RecordingSubscriber> refused) {
    String subject = literal(subscriber.subjects().get(0));
    List<String> ids = new ArrayList<>();
    for (ClientSpec publisher : publishers) {
      TrackedClient client = markerClient.apply(publisher, subscriber);
      String id = NUID.nextGlobal();
      client.connection().publish(subject, Payloads.marker(id));
      Flushing.flush(client, "sending a sync marker to " + subject);
      ids.add(id);
    }
    // A queue subscriber may legitimately never see a marker, so it gets a shorter wait.
    Duration wait = subscriber.queueGroup().isPresent() ? Duration.ofMillis(500) : deadline;
    Waits.within(
        wait, () -> ids.stream().allMatch(subscriber::sawMarker) || refused.test(subscriber));
  }

  /** A subject that {@code pattern} matches: every wildcard token replaced by a literal one. */
  static String literal(String pattern) {
    String[] tokens = pattern.split("\\.", -1);
    for (int i = 0; i < tokens.length; i++) {
      if (tokens[i].equals("*") || tokens[i].equals(">")) {
        tokens[i] = "meshcheck-marker";
      }
    }
    return String.join(".", tokens);
  }
}
