package dev.meshcheck.load.jnats;

import dev.meshcheck.load.transport.DeliveryHandler;
import dev.meshcheck.load.transport.Receiver;
import dev.meshcheck.load.transport.ReceiverSpec;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One receiving jnats connection of a fan-out: a plain subscriber or a queue group member. Each has
 * its own dispatcher thread, so receivers never wait for each other, and that thread is the only
 * one feeding its {@link DeliveryHandler}. Closing it closes its connection.
 */
final class JnatsSubscriber implements Receiver {
  private final Connection connection;
  private final DeliveryHandler deliveries;
  private final LongSupplier nanoClock;

  JnatsSubscriber(
      ReceiverSpec spec, Connection connection, DeliveryHandler deliveries, LongSupplier nanoClock)
      throws InterruptedException {
    this.connection = connection;
    this.deliveries = deliveries;
    this.nanoClock = nanoClock;
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
    long received = nanoClock.getAsLong();
    byte[] data = message.getData();
    deliveries.onPayload(data, 0, data == null ? 0 : data.length, received);
  }

  @Override
  public void close() {
    JnatsConnections.close(connection);
  }
}
