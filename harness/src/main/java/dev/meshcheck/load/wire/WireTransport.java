package dev.meshcheck.load.wire;

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
import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The load's connections on meshcheck's own plain-socket NATS protocol client ({@link
 * WireConnection}): no writer or dispatcher threads between the generator and the socket, no TLS,
 * no reconnect. The server's {@code -ERR}s go to the run's {@link ConnectionEvents}; receive times
 * are read from {@code nanoClock}. Thread-safe.
 */
public final class WireTransport implements Transport {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final ConnectionEvents events;
  private final LongSupplier nanoClock;

  public WireTransport(ConnectionEvents events, LongSupplier nanoClock) {
    this.events = events;
    this.nanoClock = nanoClock;
  }

  @Override
  public Publisher publisher(String url, String name, String subject) throws IOException {
    return new WirePublisher(
        WireConnection.open(url, "meshcheck-" + name, CONNECT_TIMEOUT), subject, name, events);
  }

  @Override
  public Receiver receiver(String url, ReceiverSpec spec, DeliveryHandler deliveries)
      throws IOException, InterruptedException {
    WireConnection connection =
        WireConnection.open(url, "meshcheck-" + spec.name(), CONNECT_TIMEOUT);
    try {
      return new WireSubscriber(spec, connection, deliveries, nanoClock, events);
    } catch (IOException | InterruptedException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public Requester requester(String url, String name, String subject, ReplyHandler replies)
      throws IOException, InterruptedException {
    WireConnection connection = WireConnection.open(url, "meshcheck-" + name, CONNECT_TIMEOUT);
    try {
      return new WireRequester(name, connection, subject, nanoClock, replies, events);
    } catch (IOException | InterruptedException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public Responder responder(
      String url, String name, String subject, String queueGroup, RequestListener requests)
      throws IOException, InterruptedException {
    WireConnection connection = WireConnection.open(url, "meshcheck-" + name, CONNECT_TIMEOUT);
    try {
      return new WireResponder(name, connection, subject, queueGroup, requests, events);
    } catch (IOException | InterruptedException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }
}
