package dev.meshcheck.steps;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Flushes a client so that the server has processed everything it sent before. Stateless. */
final class Flushing {
  static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);

  private Flushing() {}

  static void flush(TrackedClient client, String what) {
    try {
      client.connection().flush(FLUSH_TIMEOUT);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          what + ": the server did not confirm within " + FLUSH_TIMEOUT.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what, e);
    }
  }
}
