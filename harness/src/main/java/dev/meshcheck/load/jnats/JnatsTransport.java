package dev.meshcheck.load.jnats;

import dev.meshcheck.load.transport.ConnectionEvents;
import dev.meshcheck.load.transport.DeliveryHandler;
import dev.meshcheck.load.transport.Publisher;
import dev.meshcheck.load.transport.Receiver;
import dev.meshcheck.load.transport.ReceiverSpec;
import dev.meshcheck.load.transport.ReplyHandler;
import dev.meshcheck.load.transport.RequestListener;
import dev.meshcheck.load.transport.Requester;
import dev.meshcheck.load.transport.Responder;
import dev.meshcheck.load.transport.Transport;
import io.nats.client.Connection;
import java.io.IOException;
import java.util.function.LongSupplier;

/**
 * The load's connections on jnats (nats.java), reconnecting, with the load settings of {@link
 * JnatsConnections}: what a Java service on jnats sees. Their errors and slow-consumer drops go to
 * the run's {@link ConnectionEvents}; receive times are read from {@code nanoClock}. Thread-safe.
 */
public final class JnatsTransport implements Transport {
  private final JnatsConnections connections;
  private final LongSupplier nanoClock;

  public JnatsTransport(ConnectionEvents events, LongSupplier nanoClock) {
    this.connections = new JnatsConnections(events, nanoClock);
    this.nanoClock = nanoClock;
  }

  @Override
  public Publisher publisher(String url, String name, String subject) throws IOException {
    return new JnatsPublisher(connections.open(url, "meshcheck-" + name), subject);
  }

  @Override
  public Receiver receiver(String url, ReceiverSpec spec, DeliveryHandler deliveries)
      throws IOException, InterruptedException {
    Connection connection = connections.open(url, "meshcheck-" + spec.name());
    try {
      return new JnatsSubscriber(spec, connection, deliveries, nanoClock);
    } catch (RuntimeException | InterruptedException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public Requester requester(String url, String name, String subject, ReplyHandler replies)
      throws IOException, InterruptedException {
    Connection connection = connections.open(url, "meshcheck-" + name);
    try {
      return new JnatsRequester(name, connection, subject, nanoClock, replies);
    } catch (RuntimeException | InterruptedException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public Responder responder(
      String url, String name, String subject, String queueGroup, RequestListener requests)
      throws IOException, InterruptedException {
    Connection connection = connections.open(url, "meshcheck-" + name);
    try {
      return new JnatsResponder(name, connection, subject, queueGroup, requests);
    } catch (RuntimeException | InterruptedException e) {
      connection.close();
      throw e;
    }
  }
}
