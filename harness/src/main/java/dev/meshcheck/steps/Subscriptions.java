package dev.meshcheck.steps;

import io.nats.client.JetStreamApiException;
import io.nats.client.PushSubscribeOptions;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scenario's named subscribers (core NATS and JetStream consumers), each on a connection of its
 * own, stopped when the scenario ends. Not thread-safe: steps run on one thread; each subscriber
 * counts on its own thread-safe.
 */
public final class Subscriptions implements AutoCloseable {
  private final Clients clients;
  private final InterestWaits waits;
  private final Map<String, RecordingSubscriber> byName = new LinkedHashMap<>();

  public Subscriptions(Clients clients, InterestWaits waits) {
    this.clients = clients;
    this.waits = waits;
  }

  /** A subscriber whose interest has reached every running node when this returns. */
  public RecordingSubscriber subscribe(
      String name, ClientSpec spec, List<String> subjects, Optional<String> queueGroup) {
    requireNew(name);
    TrackedClient client = clients.connect("subscriber-" + name, spec);
    RecordingSubscriber subscriber = new RecordingSubscriber(name, client, subjects, queueGroup);
    subscriber.start();
    waits.awaitInterest(client, "subscriber '" + name + "' on " + subjects);
    byName.put(name, subscriber);
    return subscriber;
  }

  /** A JetStream push consumer that records like a subscriber. */
  public RecordingSubscriber subscribeJetStream(
      String name, ClientSpec spec, String subject, PushSubscribeOptions options)
      throws IOException, JetStreamApiException {
    requireNew(name);
    TrackedClient client = clients.connect("consumer-" + name, spec);
    RecordingSubscriber consumer =
        new RecordingSubscriber(name, client, List.of(subject), Optional.empty());
    consumer.startJetStream(options);
    byName.put(name, consumer);
    return consumer;
  }

  public RecordingSubscriber named(String name) {
    RecordingSubscriber subscriber = byName.get(name);
    if (subscriber == null) {
      throw new IllegalArgumentException(
          "no subscriber named '" + name + "'; known: " + byName.keySet());
    }
    return subscriber;
  }

  /** Every subscriber of the scenario, in order of making. */
  public List<RecordingSubscriber> all() {
    return List.copyOf(byName.values());
  }

  private void requireNew(String name) {
    if (byName.containsKey(name)) {
      throw new IllegalArgumentException("there is already a subscriber named '" + name + "'");
    }
  }

  /** Unsubscribes every subscriber; their connections close with {@link Clients}. */
  @Override
  public void close() {
    for (RecordingSubscriber subscriber : byName.values()) {
      try {
        subscriber.stop();
      } catch (RuntimeException e) {
        // Closing the connection afterwards removes whatever this left behind.
      }
    }
    byName.clear();
  }
}
