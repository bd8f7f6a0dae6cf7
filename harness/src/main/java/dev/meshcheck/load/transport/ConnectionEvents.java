package dev.meshcheck.load.transport;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * What a run's client connections reported besides their traffic: the server's {@code -ERR}s (a
 * permissions violation, an invalid subject) on either client and jnats's asynchronous exceptions,
 * counted with the latest kept, so that a run or a readiness failure can say what the server
 * refused; the times jnats dropped messages for a slow subscription; and every reconnect, with how
 * long it took. One per run, shared by all its connections. Thread-safe.
 *
 * <p>Errors reported once the run was told to stop (Ctrl-C) are the harness's own doing: it closes
 * the mesh and the connections then, and a client that loses its server says so. They are kept
 * apart ({@link #errorsWhileStopping()}) and are no part of {@link #errorCount()}. So are errors
 * reported once the JVM began to exit: Ctrl-C's hook that sets the stop flag and the hook that
 * stops the mesh's servers start together in no set order, and a client may lose its server before
 * the flag is up.
 */
public final class ConnectionEvents {
  private final BooleanSupplier stopping;
  private final LongAdder errorCount = new LongAdder();
  private final LongAdder errorsWhileStopping = new LongAdder();
  private final LongAdder slowConsumerEvents = new LongAdder();
  private final List<Reconnect> reconnects = new CopyOnWriteArrayList<>();
  private volatile String latestError;

  /** Events of a run that is never stopped early. */
  public ConnectionEvents() {
    this(() -> false);
  }

  /**
   * @param stopping true once the run was told to stop: errors from then on are expected
   */
  public ConnectionEvents(BooleanSupplier stopping) {
    this.stopping = stopping;
  }

  public void recordError(String connectionName, String error) {
    if (stopping.getAsBoolean() || jvmIsExiting()) {
      errorsWhileStopping.increment();
      return;
    }
    errorCount.increment();
    latestError = connectionName + ": " + error;
  }

  /** The JVM refuses new shutdown hooks once it has begun to run them. */
  private static boolean jvmIsExiting() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException exiting) {
      return true;
    }
  }

  /** Errors reported after the stop signal, while the harness itself closed things. */
  public long errorsWhileStopping() {
    return errorsWhileStopping.sum();
  }

  public long errorCount() {
    return errorCount.sum();
  }

  public Optional<String> latestError() {
    return Optional.ofNullable(latestError);
  }

  /** For an error message: what the connections reported, or nothing when they reported nothing. */
  public String errorsAsSentence() {
    return latestError()
        .map(
            last ->
                "; the client connections reported "
                    + errorCount()
                    + " error(s), the last: "
                    + last)
        .orElse("");
  }

  /** jnats dropped messages for a subscription whose pending limit was exceeded. */
  public void recordSlowConsumer() {
    slowConsumerEvents.increment();
  }

  /** Times a client dropped messages for a slow subscription. */
  public long slowConsumerEvents() {
    return slowConsumerEvents.sum();
  }

  public void recordReconnect(Reconnect reconnect) {
    reconnects.add(reconnect);
  }

  /** Every reconnect of the run so far, in the order they completed. */
  public List<Reconnect> reconnects() {
    return List.copyOf(reconnects);
  }
}
