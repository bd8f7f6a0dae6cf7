package dev.meshcheck.load.transport;

/**
 * Hands one payload at a time to a client; a send loop's view of a publishing connection. Called by
 * one thread at a time.
 */
@FunctionalInterface
public interface MessageSender {
  /** Hands one payload to the client; returns false when the client refused it. */
  boolean send(byte[] payload);

  /**
   * True when {@link #send} copies the payload before it returns, so the loop may reuse one array
   * for every message.
   */
  default boolean copiesPayload() {
    return false;
  }

  /** The loop is about to wait or has finished: write out whatever the client still buffers. */
  default void pushBuffered() {}
}
