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
    // The clock is read when a socket read returns and again every CLOCK_EVERY messages parsed
    // from it, not per message: in a profile at two million messages a second, a clock read per
    // message was a quarter of this thread's time. A message's receive time is thus early by at
    // most the parsing of the CLOCK_EVERY - 1 messages before it in the same read (microseconds).
    private static final int CLOCK_EVERY = 64;
    private long clockNanos;
    private int sinceClock;

    @Override
    public void onBytesRead() {
      clockNanos = clock.nanoTime();
      sinceClock = 0;
    }

    @Override
    public void onMessage(byte[] buffer, int offset, int length) {
      if (++sinceClock == CLOCK_EVERY) {
        clockNanos = clock.nanoTime();
        sinceClock = 0;
      }
      deliveries.onPayload(buffer, offset, length, clockNanos);
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
