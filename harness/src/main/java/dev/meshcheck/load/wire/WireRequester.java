package dev.meshcheck.load.wire;

import dev.meshcheck.load.transport.ConnectionEvents;
import dev.meshcheck.load.transport.ReplyHandler;
import dev.meshcheck.load.transport.Requester;
import io.nats.client.NUID;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A {@link Requester} on a {@link WireLink}: the sending thread appends {@code PUB <subject>
 * <reply> <len>} to a {@link WirePublisher}'s buffer and writes it out itself when the loop is
 * about to wait (no writer thread); the publisher's reader thread parses the replies ({@code MSG}
 * on the client's reply subject, or an {@code HMSG} with status 503 when nobody serves the subject)
 * and hands them to the {@link ReplyHandler}. Closing stops the reader and the socket.
 */
final class WireRequester implements Requester {
  private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(5);
  private static final int NO_RESPONDERS = 503;

  private final WirePublisher publisher;

  WireRequester(
      String name,
      WireLink link,
      String subject,
      LongSupplier nanoClock,
      ReplyHandler replies,
      ConnectionEvents events)
      throws IOException, InterruptedException {
    String replySubject = "_INBOX.meshcheck." + NUID.nextGlobal();
    this.publisher =
        new WirePublisher(
            link, subject, replySubject, name, new Replies(nanoClock, replies), events);
    try {
      byte[] subscribe = ("SUB " + replySubject + " 1\r\n").getBytes(StandardCharsets.US_ASCII);
      link.renewOnReconnect(subscribe);
      link.write(subscribe);
      if (!publisher.flush(SUBSCRIBE_TIMEOUT)) {
        throw new IOException(
            name
                + " could not subscribe to its replies at "
                + link.url()
                + " within "
                + SUBSCRIBE_TIMEOUT);
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      publisher.close();
      throw e;
    }
  }

  @Override
  public boolean send(byte[] payload) {
    return publisher.send(payload);
  }

  @Override
  public boolean copiesPayload() {
    return true;
  }

  @Override
  public void pushBuffered() {
    publisher.pushBuffered();
  }

  @Override
  public void close() {
    publisher.close();
  }

  /** Runs on the publisher's reader thread. */
  private record Replies(LongSupplier nanoClock, ReplyHandler book)
      implements WirePublisher.Inbound {
    @Override
    public void onMessage(byte[] buffer, int offset, int length) {
      book.onReply(buffer, offset, length, nanoClock.getAsLong());
    }

    @Override
    public void onHeaderedMessage(
        byte[] buffer, int headerOffset, int headerLength, int offset, int length) {
      int status = ServerProtocolParser.statusCode(buffer, headerOffset, headerLength);
      if (status == NO_RESPONDERS) {
        book.onNoResponders();
      } else if (status != 0) {
        book.onOtherStatus();
      } else {
        // Headers but no status: a reply all the same (a responder may add headers).
        book.onReply(buffer, offset, length, nanoClock.getAsLong());
      }
    }
  }
}
