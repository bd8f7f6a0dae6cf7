package dev.meshcheck.load;

import io.nats.client.NUID;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A {@link Requester} on a {@link WireConnection}: the sending thread appends {@code PUB <subject>
 * <reply> <len>} to a {@link WirePublisher}'s buffer and writes it out itself when the loop is
 * about to wait (no writer thread); the publisher's reader thread parses the replies ({@code MSG}
 * on the client's reply subject, or an {@code HMSG} with status 503 when nobody serves the subject)
 * and hands them to the {@link ReplyBook}, which releases the closed loop. Closing stops the reader
 * and the socket.
 */
final class WireRequester implements Requester {
  private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(5);
  private static final int NO_RESPONDERS = 503;

  private final WirePublisher publisher;
  private final ReplyBook replies;

  WireRequester(
      String name,
      WireConnection connection,
      String subject,
      Clock clock,
      ReplyBook replies,
      ConnectionErrors errors)
      throws IOException, InterruptedException {
    this.replies = replies;
    String replySubject = "_INBOX.meshcheck." + NUID.nextGlobal();
    this.publisher =
        new WirePublisher(
            connection, subject, replySubject, name, new Replies(clock, replies), errors);
    try {
      connection.write(("SUB " + replySubject + " 1\r\n").getBytes(StandardCharsets.US_ASCII));
      if (!publisher.flush(SUBSCRIBE_TIMEOUT)) {
        throw new IOException(
            name
                + " could not subscribe to its replies at "
                + connection.url()
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
  public ReplyBook replies() {
    return replies;
  }

  @Override
  public void close() {
    publisher.close();
  }

  /** Runs on the publisher's reader thread. */
  private record Replies(Clock clock, ReplyBook book) implements WirePublisher.Inbound {
    @Override
    public void onMessage(byte[] buffer, int offset, int length) {
      book.onReply(buffer, offset, length, clock.nanoTime());
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
        book.onReply(buffer, offset, length, clock.nanoTime());
      }
    }
  }
}
