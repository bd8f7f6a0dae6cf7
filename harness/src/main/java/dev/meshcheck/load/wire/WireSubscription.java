package dev.meshcheck.load.wire;

import dev.meshcheck.load.transport.ConnectionEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One subscription on a {@link WireLink} and the one daemon thread that reads it. {@link #open}
 * sends {@code SUB <subject> [queue] 1} and a {@code PING}, and returns once the server's {@code
 * PONG} confirms the subscription. The thread then parses each read in place, hands the messages to
 * a {@link Handler} and answers {@code PING}s itself; when the socket breaks, it reconnects to
 * another server and subscribes again there (what was sent meanwhile is missed). It ends when the
 * subscription is closed. Closing closes the socket and waits up to 5 s for the thread.
 */
final class WireSubscription implements AutoCloseable {
  private static final byte[] PING = "PING\r\n".getBytes(StandardCharsets.US_ASCII);
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

  private final WireLink link;
  private final Handler handler;
  private final ConnectionEvents events;
  private final String name;
  private final Thread reader;
  private final CountDownLatch confirmed = new CountDownLatch(1);
  private volatile String lastServerError;
  private volatile IOException failure;
  private volatile boolean closed;

  private WireSubscription(String name, WireLink link, Handler handler, ConnectionEvents events) {
    this.name = name;
    this.link = link;
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
      WireLink link,
      String subject,
      String queueGroup,
      Handler handler,
      ConnectionEvents events)
      throws IOException, InterruptedException {
    WireSubscription subscription = new WireSubscription(name, link, handler, events);
    String queue = queueGroup == null ? "" : " " + queueGroup;
    byte[] subscribe = ("SUB " + subject + queue + " 1\r\n").getBytes(StandardCharsets.UTF_8);
    link.renewOnReconnect(subscribe);
    link.write(subscribe, PING);
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
            + link.url()
            + " within "
            + CONFIRM_TIMEOUT.toSeconds()
            + " s: "
            + (lastServerError != null ? lastServerError : String.valueOf(failure)));
  }

  private void readUntilClosed() {
    Listener listener = new Listener();
    try {
      while (!closed) {
        link.readAndParse(listener);
        afterRead();
      }
    } catch (IOException e) {
      failure = e;
    } finally {
      confirmed.countDown();
    }
  }

  private void afterRead() {
    try {
      handler.afterRead();
    } catch (IOException e) {
      // The link closed the broken connection: the next read reconnects.
    }
  }

  @Override
  public void close() {
    closed = true;
    link.close();
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
        link.write(PONG);
      } catch (IOException e) {
        // The link closed the broken connection: the next read reconnects.
      }
    }

    @Override
    public void onInfo(String json) {
      link.learn(json);
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
