package dev.meshcheck.load.transport;

/**
 * One requesting connection of a request-reply workload: {@link #send} publishes a request (the
 * stamped payload) with the client's fixed reply subject and never waits for the reply; replies go
 * to the {@link ReplyHandler} it was opened with. {@code send}, {@link #pushBuffered} and {@link
 * #sendProbe} belong to one thread at a time. Closing it closes its connection.
 */
public interface Requester extends MessageSender, AutoCloseable {
  /** Sends a probe request and writes it out at once. */
  default void sendProbe(byte[] probe) {
    send(probe);
    pushBuffered();
  }

  @Override
  void close();
}
