package dev.meshcheck.load;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Duration;

/**
 * One receiving jnats connection of a fan-out: a plain subscriber (its own {@link DeliveryTracker})
 * or a queue group member (sharing the group's tracker). Each has its own dispatcher thread, so
 * receivers never wait for each other, and that thread is the only one feeding its {@link
 * DeliveryRecorder}. Closing it closes its connection.
 */
final class Subscriber implements FanOutReceiver {
  private final Connection connection;
  private final DeliveryRecorder deliveries;
  private final Clock clock;

  /** Where and how a subscriber listens. */
  record Spec(
      String name, String subject, String queueGroup, Duration delayPerMessage, int pendingLimit) {}

  Subscriber(Spec spec, Connection connection, DeliveryRecorder deliveries, Clock clock)
      throws InterruptedException {
    this.connection = connection;
    this.deliveries = deliveries;
    this.clock = clock;
    Dispatcher dispatcher = connection.createDispatcher(this::onMessage);
    if (spec.pendingLimit() > 0) {
      dispatcher.setPendingLimits(spec.pendingLimit(), -1);
    }
    if (spec.queueGroup() == null) {
      dispatcher.subscribe(spec.subject());
    } else {
      dispatcher.subscribe(spec.subject(), spec.queueGroup());
    }
    try {
      connection.flush(Duration.ofSeconds(5));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(spec.name() + " could not subscribe within 5 s", e);
    }
  }

  private void onMessage(Message message) {
    long received = clock.nanoTime();
    byte[] data = message.getData();
    deliveries.onPayload(data, 0, data == null ? 0 : data.length, received);
  }

  @Override
  public DeliveryRecorder deliveries() {
    return deliveries;
  }

  @Override
  public void close() {
    LoadConnections.close(connection);
  }
}
