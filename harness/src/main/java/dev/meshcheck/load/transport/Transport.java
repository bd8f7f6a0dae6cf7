package dev.meshcheck.load.transport;

import java.io.IOException;

/**
 * One client library's way of opening the load generator's connections: what the engine (send
 * loops, drivers, recorders) asks of a transport, whichever it is. The engine hands each connection
 * the handler that receives what arrives on it (deliveries, replies, requests) and gets back the
 * connection, which it closes. The implementations are {@code
 * dev.meshcheck.load.wire.WireTransport} (meshcheck's own plain-socket client) and {@code
 * dev.meshcheck.load.jnats.JnatsTransport}.
 *
 * <pre>{@code
 * Transport transport = new WireTransport(events, System::nanoTime);
 * try (Requester client = transport.requester(url, "client-1", "svc.orders", replyBook)) {
 *   client.send(stampedPayload);
 *   client.pushBuffered();
 * }
 * }</pre>
 *
 * Implementations are thread-safe; each connection they open says which threads may use it.
 */
public interface Transport {
  /** A connection that publishes to {@code subject}, named {@code name} on the server. */
  Publisher publisher(String url, String name, String subject) throws IOException;

  /** A connection subscribed as {@code spec} says, handing every payload to {@code deliveries}. */
  Receiver receiver(String url, ReceiverSpec spec, DeliveryHandler deliveries)
      throws IOException, InterruptedException;

  /**
   * A connection that publishes requests to {@code subject} with one fixed reply subject of its
   * own, and hands the replies (or the server's status messages) to {@code replies}.
   */
  Requester requester(String url, String name, String subject, ReplyHandler replies)
      throws IOException, InterruptedException;

  /**
   * A member of {@code queueGroup} on {@code subject} that echoes every request's payload to its
   * reply subject, after telling {@code requests} about it.
   */
  Responder responder(
      String url, String name, String subject, String queueGroup, RequestListener requests)
      throws IOException, InterruptedException;
}
