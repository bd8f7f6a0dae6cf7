package dev.meshcheck.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fan-out receiver on a {@link WireConnection}: subscribes ({@code SUB <subject> [queue] 1}),
 * waits for the server to confirm it with a {@code PONG}, then one thread reads the socket, parses
 * {@code MSG}s in place and hands each payload to its {@link DeliveryRecorder}, answering {@code
 * PING}s itself. A broken socket ends the thread (what it missed then counts as lost). Closing
 * stops the thread and closes the socket.
 */
final class WireSubscriber implements FanOutReceiver {
  private static final byte[] PONG = "PONG\r\n".getBytes(StandardCharsets.US_ASCII);

  private final WireConnection connection;
  private final DeliveryRecorder deliveries;
  private final Clock clock;
  private final Thread reader;
  private final CountDownLatch subscribed = new CountDownLatch(1);
  private final AtomicLong serverErrors = new AtomicLong();
  private volatile String lastServerError;
  private volatile boolean closed;
  private volatile IOException failure;

  WireSubscriber(
      Subscriber.Spec spec, WireConnection connection, DeliveryRecorder deliveries, Clock clock)
      throws IOException, InterruptedException {
    this.connection = connection;
    this.deliveries = deliveries;
    this.clock = clock;
    String queue = spec.queueGroup() == null ? "" : " " + spec.queueGroup();
    connection.write(("SUB " + spec.subject() + queue + " 1\r\nPING\r\n").getBytes(UTF8));
    this.reader = new Thread(this::readUntilClosed, "meshcheck-wire-" + spec.name());
    reader.setDaemon(true);
    reader.start();
    if (!subscribed.await(5, TimeUnit.SECONDS) || lastServerError != null || failure != null) {
      close();
      throw new IOException(
          spec.name()
              + " could not subscribe to '"
              + spec.subject()
              + "' at "
              + connection.url()
              + " within 5 s: "
              + (lastServerError != null ? lastServerError : String.valueOf(failure)));
    }
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private void readUntilClosed() {
    Listener listener = new Listener();
    try {
      while (!closed) {
        connection.readAndParse(listener);
      }
    } catch (IOException e) {
      failure = e;
    } finally {
      subscribed.countDown();
    }
  }

  /** Whether the socket broke (or was closed) and this receiver gets nothing more. */
  boolean ended() {
    return !reader.isAlive();
  }

  /** {@code -ERR}s the server sent on this connection. */
  long serverErrors() {
    return serverErrors.get();
  }

  @Override
  public DeliveryRecorder deliveries() {
    return deliveries;
  }

  @Override
  public void close() {
    closed = true;
    connection.close();
    try {
      reader.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Listener implements ServerProtocolParser.Listener {
    // A message counts as received when the socket read that completed it returned: messages
    // that arrived together share one clock read. At two million messages a second a clock read
    // per message was a quarter of this thread's time; what it leaves out is the parsing of the
    // messages ahead in the same read, well under a microsecond each.
    private long readNanos;

    @Override
    public void onBytesRead() {
      readNanos = clock.nanoTime();
    }

    @Override
    public void onMessage(byte[] buffer, int offset, int length) {
      deliveries.onPayload(buffer, offset, length, readNanos);
    }

    @Override
    public void onPing() {
      try {
        connection.write(PONG);
      } catch (IOException e) {
        failure = e; // the read that follows fails too and ends the thread
      }
    }

    @Override
    public void onPong() {
      subscribed.countDown();
    }

    @Override
    public void onError(String serverMessage) {
      serverErrors.incrementAndGet();
      lastServerError = serverMessage;
    }
  }
}
