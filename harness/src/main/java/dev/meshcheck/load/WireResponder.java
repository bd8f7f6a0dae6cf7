package dev.meshcheck.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Responder} on a {@link WireConnection}: subscribes ({@code SUB <subject> <queue> 1}),
 * waits for the server's {@code PONG}, then one thread reads the socket and, for every {@code MSG}
 * with a reply subject, appends {@code PUB <reply> <len>\r\n<payload>\r\n} echoing the payload. The
 * replies of one read are written to the socket as soon as that read is parsed, by the same thread:
 * a reply never waits for more input. Closing stops the thread and closes the socket.
 */
final class WireResponder implements Responder {
  private static final byte[] PUB = "PUB ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PONG = "PONG\r\n".getBytes(StandardCharsets.US_ASCII);

  private final String name;
  private final WireConnection connection;
  private final Thread reader;
  private final CountDownLatch subscribed = new CountDownLatch(1);
  private final HandledRequests handled = new HandledRequests();
  private byte[] out = new byte[64 * 1024];
  private int outFilled;
  private volatile String lastServerError;
  private volatile IOException failure;
  private volatile boolean closed;

  WireResponder(String name, WireConnection connection, String subject, String queueGroup)
      throws IOException, InterruptedException {
    this.name = name;
    this.connection = connection;
    connection.write(
        ("SUB " + subject + " " + queueGroup + " 1\r\nPING\r\n").getBytes(StandardCharsets.UTF_8));
    this.reader = new Thread(this::readUntilClosed, "meshcheck-wire-" + name);
    reader.setDaemon(true);
    reader.start();
    if (!subscribed.await(5, TimeUnit.SECONDS) || lastServerError != null || failure != null) {
      close();
      throw new IOException(
          name
              + " could not subscribe to '"
              + subject
              + "' at "
              + connection.url()
              + " within 5 s: "
              + (lastServerError != null ? lastServerError : String.valueOf(failure)));
    }
  }

  private void readUntilClosed() {
    Listener listener = new Listener();
    try {
      while (!closed) {
        connection.readAndParse(listener);
        if (outFilled > 0) {
          connection.write(out, 0, outFilled);
          outFilled = 0;
        }
      }
    } catch (IOException e) {
      failure = e;
    } finally {
      subscribed.countDown();
    }
  }

  private void appendReply(
      byte[] buffer, int replyOffset, int replyLength, int offset, int length) {
    int needed = PUB.length + replyLength + 1 + 10 + 2 + length + 2;
    ensureRoom(needed);
    append(PUB, 0, PUB.length);
    append(buffer, replyOffset, replyLength);
    out[outFilled++] = ' ';
    appendDecimal(length);
    out[outFilled++] = '\r';
    out[outFilled++] = '\n';
    append(buffer, offset, length);
    out[outFilled++] = '\r';
    out[outFilled++] = '\n';
  }

  private void appendDecimal(int value) {
    int digits = 1;
    for (int rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    for (int i = digits - 1, rest = value; i >= 0; i--, rest /= 10) {
      out[outFilled + i] = (byte) ('0' + rest % 10);
    }
    outFilled += digits;
  }

  private void append(byte[] source, int offset, int length) {
    System.arraycopy(source, offset, out, outFilled, length);
    outFilled += length;
  }

  private void ensureRoom(int bytes) {
    if (out.length - outFilled < bytes) {
      byte[] bigger = new byte[Math.max(out.length * 2, outFilled + bytes)];
      System.arraycopy(out, 0, bigger, 0, outFilled);
      out = bigger;
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long measuredHandled() {
    return handled.measured();
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
    @Override
    public void onMessage(byte[] buffer, int offset, int length) {
      handled.count(buffer, offset, length); // no reply subject: nothing to answer
    }

    @Override
    public void onMessageWithReply(
        byte[] buffer, int replyOffset, int replyLength, int offset, int length) {
      handled.count(buffer, offset, length);
      appendReply(buffer, replyOffset, replyLength, offset, length);
    }

    @Override
    public void onPing() {
      ensureRoom(PONG.length);
      append(PONG, 0, PONG.length);
    }

    @Override
    public void onPong() {
      subscribed.countDown();
    }

    @Override
    public void onError(String serverMessage) {
      lastServerError = serverMessage;
    }
  }
}
