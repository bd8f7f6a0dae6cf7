package dev.meshcheck.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A named subscriber that counts what it receives: messages, the subjects they came on, per
 * publisher whether sequence numbers arrived in order and without duplicates, and sync markers
 * (which are not counted as traffic). Thread-safe: messages arrive on the dispatcher's thread.
 */
public final class RecordingSubscriber {
  private final String name;
  private final TrackedClient client;
  private final List<String> subjects;
  private final Optional<String> queueGroup;
  private final Map<String, Integer> bySubject = new TreeMap<>();
  private final Map<String, Long> lastSeqByPublisher = new HashMap<>();
  private final Set<String> markers = new HashSet<>();
  private final List<JsonNode> serverEvents = new ArrayList<>();
  private long received;
  private long outOfOrder;
  private long duplicates;
  private Dispatcher dispatcher;
  private JetStreamSubscription jetStreamSubscription;

  RecordingSubscriber(
      String name, TrackedClient client, List<String> subjects, Optional<String> queueGroup) {
    if (subjects.isEmpty()) {
      throw new IllegalArgumentException("subscriber '" + name + "' needs at least one subject");
    }
    this.name = name;
    this.client = client;
    this.subjects = List.copyOf(subjects);
    this.queueGroup = queueGroup;
  }

  /** Subscribes and flushes, so the local server has the interest when this returns. */
  void start() {
    dispatcher = client.connection().createDispatcher(this::onMessage);
    for (String subject : subjects) {
      queueGroup.ifPresentOrElse(
          q -> dispatcher.subscribe(subject, q), () -> dispatcher.subscribe(subject));
    }
    Flushing.flush(client, "subscribing " + name + " to " + subjects);
  }

  /** Subscribes as a JetStream push consumer on its one subject (auto-acknowledged). */
  void startJetStream(PushSubscribeOptions options) throws IOException, JetStreamApiException {
    dispatcher = client.connection().createDispatcher();
    jetStreamSubscription =
        client
            .connection()
            .jetStream()
            .subscribe(subjects.get(0), dispatcher, this::onMessage, true, options);
    Flushing.flush(client, "creating consumer " + name);
  }

  /**
   * True for a JetStream consumer that has nothing pending in its stream and has received every
   * message the server delivered to it.
   */
  boolean isJetStreamDrained() throws IOException, JetStreamApiException {
    ConsumerInfo info = jetStreamSubscription.getConsumerInfo();
    return info.getNumPending() == 0 && info.getDelivered().getConsumerSequence() == received();
  }

  boolean isJetStream() {
    return jetStreamSubscription != null;
  }

  /** Stops receiving (unsubscribe); the client stays connected. */
  void stop() {
    if (dispatcher != null) {
      client.connection().closeDispatcher(dispatcher);
      dispatcher = null;
    }
  }

  private synchronized void onMessage(Message message) {
    Optional<String> marker = Payloads.asMarker(message.getData());
    if (marker.isPresent()) {
      markers.add(marker.get());
      return;
    }
    received++;
    bySubject.merge(message.getSubject(), 1, Integer::sum);
    Payloads.asTraffic(message.getData()).ifPresent(this::checkSequence);
    ServerEvents.parse(message.getData())
        .filter(e -> serverEvents.size() < ServerEvents.KEPT_PER_SUBSCRIBER)
        .ifPresent(serverEvents::add);
  }

  /**
   * The server's own events and metrics this subscriber received (advisories, service latency), in
   * order of arrival; at most {@link ServerEvents#KEPT_PER_SUBSCRIBER}.
   */
  public synchronized List<JsonNode> serverEvents() {
    return List.copyOf(serverEvents);
  }

  private void checkSequence(Payloads.Traffic traffic) {
    Long last = lastSeqByPublisher.get(traffic.publisher());
    long expected = last == null ? 1 : last + 1;
    if (last != null && traffic.seq() <= last) {
      duplicates++;
      return;
    }
    if (traffic.seq() != expected) {
      outOfOrder++;
    }
    lastSeqByPublisher.put(traffic.publisher(), traffic.seq());
  }

  public String name() {
    return name;
  }

  public TrackedClient client() {
    return client;
  }

  /** The subjects (or wildcard patterns) it listens to. */
  public List<String> subjects() {
    return subjects;
  }

  public Optional<String> queueGroup() {
    return queueGroup;
  }

  public synchronized long received() {
    return received;
  }

  /** Messages whose sequence number skipped ahead of the previous one from the same publisher. */
  public synchronized long outOfOrder() {
    return outOfOrder;
  }

  /** Messages whose sequence number was not above the previous one from the same publisher. */
  public synchronized long duplicates() {
    return duplicates;
  }

  public synchronized Map<String, Integer> receivedBySubject() {
    return Map.copyOf(bySubject);
  }

  /** True once the server has refused this client's subscription to {@code pattern}. */
  boolean wasRefused(String pattern) {
    String refusal = "Permissions Violation for Subscription to \"" + pattern + "\"";
    return client.errors().stream().anyMatch(e -> e.contains(refusal));
  }

  synchronized boolean sawMarker(String id) {
    return markers.contains(id);
  }

  /** What this subscriber saw, for failure messages. */
  public synchronized String describe() {
    return "'"
        + name
        + "' on "
        + client.spec().describe()
        + " listening to "
        + String.join(" ", subjects)
        + queueGroup.map(q -> " in queue group " + q).orElse("")
        + ": received "
        + received
        + " "
        + bySubject
        + ", out of order "
        + outOfOrder
        + ", duplicates "
        + duplicates;
  }
}
