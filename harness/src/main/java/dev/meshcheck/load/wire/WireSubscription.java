package dev.meshcheck.load.wire;

import dev.meshcheck.load.transport.ConnectionEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One subscription on a {@link WireConnection} and the one daemon thread that reads it. {@link
 * #open} sends {@code SUB <subject> [queue] 1} and a {@code PING}, and returns once the server's
 * {@code PONG} confirms the subscription. The thread then parses each read in place, hands the
 * messages to a {@link Handler} and answers {@code PING}s itself; it ends when the socket breaks or
 * the subscription is closed. Closing closes the socket and waits up to 5 s for the thread.
 */
final class WireSubscription implements AutoCloseable {
  private static final byte[] PONG = "PONG\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(5);

  /** What the reading thread does with what it reads; called on that thread only. */
  interface Handler {
    /** A socket read returned; the messages it completed follow. */
    default void onBytesRead() {}

    /** A message: its payload is {@code length} bytes of {@code buffer} from {@code offset}. */
    void onMessage(byte[] buffer, int offset, int length);

    /** A message with a reply subject; by default handled like one without. */
    default void onMessageWithReply(
        byte[] buffer, int replyOffset, int replyLength, int offset, int length) {
      onMessage(buffer, offset, length);
    }

    /** Every message of the last read has been handled (a responder writes its replies here). */
    default void afterRead() throws IOException {}
  }

  private final WireConnection connection;
  private final Handler handler;
  private final ConnectionEvents events;
  private final String name;
  private final Thread reader;
  private final CountDownLatch confirmed = new CountDownLatch(1);
  private volatile String lastServerError;
  private volatile IOException failure;
  private volatile boolean closed;

  private WireSubscription(
      String name, WireConnection connection, Handler handler, ConnectionEvents events) {
    this.name = name;
    this.connection = connection;
    this.handler = handler;
    this.events = events;
    this.reader = new Thread(this::readUntilClosed, "meshcheck-wire-" + name);
    reader.setDaemon(true);
  }

  /**
   * Subscribes {@code subject}, in {@code queueGroup} unless it is null, and starts reading.
   *
   * @throws IOException naming the server's error when the subscription is not confirmed in 5 s
   */
  static WireSubscription open(
      String name,
      WireConnection connection,
      String subject,
      String queueGroup,
      Handler handler,
      ConnectionEvents events)
      throws IOException, InterruptedException {
    WireSubscription subscription = new WireSubscription(name, connection, handler, events);
    String queue = queueGroup == null ? "" : " " + queueGroup;
    connection.write(
        ("SUB " + subject + queue + " 1\r\nPING\r\n").getBytes(StandardCharsets.UTF_8));
    subscription.reader.start();
    subscription.awaitConfirmation(subject);
    return subscription;
  }

  private void awaitConfirmation(String subject) throws IOException, InterruptedException {
    boolean answered = confirmed.await(CONFIRM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    if (answered && lastServerError == null && failure == null) {
      return;
    }
    close();
    throw new IOException(
        name
            + " could not subscribe to '"
            + subject
            + "' at "
            + connection.url()
            + " within "
            + CONFIRM_TIMEOUT.toSeconds()
            + " s: "
            + (lastServerError != null ? lastServerError : String.valueOf(failure)));
  }

  private void readUntilClosed() {
    Listener listener = new Listener();
    try {
      while (!closed) {
        connection.readAndParse(listener);
        handler.afterRead();
      }
    } catch (IOException e) {
      failure = e;
    } finally {
      confirmed.countDown();
    }
  }

  @Override
  public void close() {
    closed = true;
    connection.close();
    try {
      reader.join(CONFIRM_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Listener implements ServerProtocolParser.Listener {
    @Override
    public void onBytesRead() {
      handler.onBytesRead();
    }

    @Override
    public void onMessage(byte[] buffer, int offset, int length) {
      handler.onMessage(buffer, offset, length);
    }

    @Override
    public void onMessageWithReply(
        byte[] buffer, int replyOffset, int replyLength, int offset, int length) {
      handler.onMessageWithReply(buffer, replyOffset, replyLength, offset, length);
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
      confirmed.countDown();
    }

    @Override
    public void onError(String serverMessage) {
      lastServerError = serverMessage;
      events.recordError(name, serverMessage);
    }
  }
}
