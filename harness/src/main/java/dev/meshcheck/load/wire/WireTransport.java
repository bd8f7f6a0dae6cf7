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
import java.util.function.LongSupplier;

/**
 * The load's connections on meshcheck's own plain-socket NATS protocol client ({@link
 * WireConnection}): no writer or dispatcher threads between the generator and the socket, no TLS. A
 * connection that loses its server reconnects to another node of the mesh ({@link WireLink}). The
 * server's {@code -ERR}s and the reconnects go to the run's {@link ConnectionEvents}; receive times
 * are read from {@code nanoClock}. Thread-safe.
 */
public final class WireTransport implements Transport {
  private final ConnectionEvents events;
  private final LongSupplier nanoClock;

  public WireTransport(ConnectionEvents events, LongSupplier nanoClock) {
    this.events = events;
    this.nanoClock = nanoClock;
  }

  @Override
  public Publisher publisher(String url, String name, String subject) throws IOException {
    return new WirePublisher(link(url, name), subject, name, events);
  }

  @Override
  public Receiver receiver(String url, ReceiverSpec spec, DeliveryHandler deliveries)
      throws IOException, InterruptedException {
    WireLink link = link(url, spec.name());
    try {
      return new WireSubscriber(spec, link, deliveries, nanoClock, events);
    } catch (IOException | InterruptedException | RuntimeException e) {
      link.close();
      throw e;
    }
  }

  @Override
  public Requester requester(String url, String name, String subject, ReplyHandler replies)
      throws IOException, InterruptedException {
    WireLink link = link(url, name);
    try {
      return new WireRequester(name, link, subject, nanoClock, replies, events);
    } catch (IOException | InterruptedException | RuntimeException e) {
      link.close();
      throw e;
    }
  }

  @Override
  public Responder responder(
      String url, String name, String subject, String queueGroup, RequestListener requests)
      throws IOException, InterruptedException {
    WireLink link = link(url, name);
    try {
      return new WireResponder(name, link, subject, queueGroup, requests, events);
    } catch (IOException | InterruptedException | RuntimeException e) {
      link.close();
      throw e;
    }
  }

  private WireLink link(String url, String name) throws IOException {
    return WireLink.open(url, "meshcheck-" + name, events, nanoClock);
  }
}
