package dev.meshcheck.load;

/**
 * One requesting connection of a request-reply workload: {@link #send} publishes a request (the
 * stamped payload) with the client's fixed reply subject and never waits for the reply; replies go
 * to its {@link ReplyBook}. {@code send}, {@link #pushBuffered} and {@link #sendProbe} belong to
 * one thread at a time. Closing it closes its connection.
 */
interface Requester extends SendLoop.MessageSender, AutoCloseable {
  ReplyBook replies();

  /** Sends a probe request and writes it out at once. */
  default void sendProbe(byte[] probe) {
    send(probe);
    pushBuffered();
  }

  @Override
  void close();
}
