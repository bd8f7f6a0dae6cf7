package dev.meshcheck.load;

import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The errors a run's client connections reported: the server's {@code -ERR}s (a permissions
 * violation, an invalid subject) on either client, and jnats's asynchronous exceptions. Counted,
 * with the latest kept, so that a run or a readiness failure can say what the server refused.
 * Thread-safe.
 */
final class ConnectionErrors {
  private final LongAdder count = new LongAdder();
  private volatile String latest;

  void record(String connectionName, String error) {
    count.increment();
    latest = connectionName + ": " + error;
  }

  long count() {
    return count.sum();
  }

  Optional<String> latest() {
    return Optional.ofNullable(latest);
  }

  /** For an error message: what the connections reported, or nothing when they reported nothing. */
  String asSentence() {
    return latest()
        .map(
            last -> "; the client connections reported " + count() + " error(s), the last: " + last)
        .orElse("");
  }
}
