package dev.meshcheck.steps;

import io.nats.client.NUID;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Decides when nothing more is on its way to a subscriber, and proves that it was listening,
 * without sleeping a guessed time: marker messages are published from every node that published
 * traffic (or from the subscriber's own node when none did), in the subscriber's account, on a
 * literal subject each of its subscriptions matches. Messages from one node to one client travel in
 * order, so once a node's marker has arrived, everything published on that node before it has
 * arrived too; and a marker that arrives shows that the subscription was live after the checked
 * messages.
 *
 * <p>A queue subscriber shares markers with the other members of its group, so markers go out again
 * every {@link #RESEND_INTERVAL} until one has reached it. A subscription the server refused
 * (permissions) settles at once: it never listened. Anything else that keeps markers from arriving
 * fails with "could not confirm the subscriber was listening". Stateless between calls.
 */
final class Settler {
  static final Duration RESEND_INTERVAL = Duration.ofMillis(100);

  private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

  /** What settling showed about each of the subscriber's subscriptions. */
  enum Settlement {
    /** A marker reached it from every publishing node after their messages. */
    LISTENING,
    /** The server refused the subscription: it never received anything. */
    REFUSED
  }

  private final BiFunction<ClientSpec, RecordingSubscriber, TrackedClient> markerClient;
  private final Duration deadline;

  /**
   * @param markerClient a client on the publisher's node in the subscriber's account
   */
  Settler(
      BiFunction<ClientSpec, RecordingSubscriber, TrackedClient> markerClient, Duration deadline) {
    this.markerClient = markerClient;
    this.deadline = deadline;
  }

  /**
   * @return per subscription (pattern), whether it was listening or refused
   * @throws AssertionError naming what could not be confirmed, at the deadline or as soon as the
   *     server refuses a marker
   */
  Map<String, Settlement> settle(
      RecordingSubscriber subscriber, Collection<ClientSpec> publishers) {
    Collection<ClientSpec> from =
        publishers.isEmpty() ? List.of(subscriber.client().spec()) : publishers;
    Map<String, Settlement> settled = new TreeMap<>();
    List<Pending> pending = new ArrayList<>();
    for (String pattern : subscriber.subjects()) {
      if (subscriber.wasRefused(pattern)) {
        settled.put(pattern, Settlement.REFUSED);
      } else {
        from.forEach(p -> pending.add(new Pending(pattern, p, markerClient.apply(p, subscriber))));
      }
    }
    boolean confirmed =
        Waits.within(
            deadline,
            POLL_INTERVAL,
            () -> {
              pending.removeIf(p -> p.arrivedAt(subscriber));
              pending.forEach(p -> p.send(subscriber));
              return pending.isEmpty();
            });
    if (!confirmed) {
      throw notListening(
          subscriber, pending, "no marker arrived within " + deadline.toMillis() + " ms");
    }
    subscriber.subjects().forEach(s -> settled.putIfAbsent(s, Settlement.LISTENING));
    return settled;
  }

  private static AssertionError notListening(
      RecordingSubscriber subscriber, List<Pending> missing, String why) {
    return new AssertionError(
        "could not confirm the subscriber was listening: "
            + why
            + " on "
            + missing.stream().map(Pending::describe).distinct().toList()
            + "; "
            + subscriber.describe()
            + "; client errors: "
            + subscriber.client().errors());
  }

  /** Markers on one subject from one node, until one of them arrives. */
  private static final class Pending {
    private final String subject;
    private final ClientSpec publisher;
    private final TrackedClient client;
    private final Set<String> sentIds = new LinkedHashSet<>();
    private long lastSentNanos;

    Pending(String pattern, ClientSpec publisher, TrackedClient client) {
      this.subject = literal(pattern);
      this.publisher = publisher;
      this.client = client;
    }

    boolean arrivedAt(RecordingSubscriber subscriber) {
      return sentIds.stream().anyMatch(subscriber::sawMarker);
    }

    /** Sends a marker unless one went out less than {@link #RESEND_INTERVAL} ago. */
    void send(RecordingSubscriber subscriber) {
      if (!sentIds.isEmpty() && System.nanoTime() - lastSentNanos < RESEND_INTERVAL.toNanos()) {
        return;
      }
      Optional<String> refusal =
          client.errors().stream()
              .filter(e -> e.contains("Permissions Violation for Publish") && e.contains(subject))
              .findFirst();
      if (refusal.isPresent()) {
        throw notListening(
            subscriber,
            List.of(this),
            "the server refused the marker's publish (" + refusal.get() + ")");
      }
      String id = NUID.nextGlobal();
      sentIds.add(id);
      lastSentNanos = System.nanoTime();
      client.connection().publish(subject, Payloads.marker(id));
      Flushing.flush(client, "sending a sync marker to " + subject);
    }

    String describe() {
      return subject + " from " + publisher.describe();
    }
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
