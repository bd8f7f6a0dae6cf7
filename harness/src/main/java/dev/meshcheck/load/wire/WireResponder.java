package dev.meshcheck.load.wire;

import dev.meshcheck.load.transport.ConnectionEvents;
import dev.meshcheck.load.transport.RequestListener;
import dev.meshcheck.load.transport.Responder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A {@link Responder} on a {@link WireLink}: a {@link WireSubscription} in the service's queue
 * group whose thread, for every {@code MSG} with a reply subject, appends {@code PUB <reply>
 * <len>\r\n<payload>\r\n} echoing the payload. The replies of one read are written to the socket as
 * soon as that read is parsed, by the same thread: a reply never waits for more input. Closing
 * stops the thread and closes the socket.
 */
final class WireResponder implements Responder {
  private static final byte[] PUB = "PUB ".getBytes(StandardCharsets.US_ASCII);

  private final WireLink link;
  private final RequestListener requests;
  private final WireSubscription subscription;
  // Written by the subscription's reading thread only.
  private byte[] out = new byte[64 * 1024];
  private int outFilled;

  WireResponder(
      String name,
      WireLink link,
      String subject,
      String queueGroup,
      RequestListener requests,
      ConnectionEvents events)
      throws IOException, InterruptedException {
    this.link = link;
    this.requests = requests;
    this.subscription =
        WireSubscription.open(name, link, subject, queueGroup, new Echoing(), events);
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
  public void close() {
    subscription.close();
  }

  private final class Echoing implements WireSubscription.Handler {
    @Override
    public void onMessage(byte[] buffer, int offset, int length) {
      requests.onRequest(buffer, offset, length); // no reply subject: nothing to answer
    }

    @Override
    public void onMessageWithReply(
        byte[] buffer, int replyOffset, int replyLength, int offset, int length) {
      requests.onRequest(buffer, offset, length);
      appendReply(buffer, replyOffset, replyLength, offset, length);
    }

    @Override
    public void afterRead() throws IOException {
      if (outFilled > 0) {
        try {
          link.write(out, 0, outFilled);
        } finally {
          // Written, or lost with the connection: a partial write cannot be resumed elsewhere
          // without sending some replies twice; their requests time out instead.
          outFilled = 0;
        }
      }
    }
  }
}
