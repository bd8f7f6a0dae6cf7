package dev.meshcheck.load.jnats;

import dev.meshcheck.load.transport.ReplyHandler;
import dev.meshcheck.load.transport.Requester;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.NUID;
import io.nats.client.support.Status;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * A {@link Requester} on a jnats connection: requests are plain publishes with one fixed reply
 * subject, so sending never waits for a reply and no per-request state exists; replies are handled
 * on the client's own dispatcher thread. Thread-safe for one sender thread plus the dispatcher.
 */
final class JnatsRequester implements Requester {
  private final Connection connection;
  private final String subject;
  private final String replySubject;
  private final LongSupplier nanoClock;
  private final ReplyHandler replies;

  JnatsRequester(
      String name,
      Connection connection,
      String subject,
      LongSupplier nanoClock,
      ReplyHandler replies)
      throws InterruptedException {
    this.connection = connection;
    this.subject = subject;
    this.replySubject = "_INBOX.meshcheck." + NUID.nextGlobal();
    this.nanoClock = nanoClock;
    this.replies = replies;
    Dispatcher dispatcher = connection.createDispatcher(this::onReply);
    dispatcher.subscribe(replySubject);
    try {
      connection.flush(Duration.ofSeconds(5));
    } catch (TimeoutException e) {
      throw new IllegalStateException(name + " could not subscribe within 5 s", e);
    }
  }

  @Override
  public boolean send(byte[] payload) {
    try {
      connection.publish(subject, replySubject, payload);
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private void onReply(Message reply) {
    long completed = nanoClock.getAsLong();
    if (reply.isStatusMessage()) {
      if (reply.getStatus().getCode() == Status.NO_RESPONDERS_CODE) {
        replies.onNoResponders();
      } else {
        replies.onOtherStatus();
      }
      return;
    }
    byte[] data = reply.getData();
    replies.onReply(data, 0, data.length, completed);
  }

  @Override
  public void close() {
    JnatsConnections.close(connection);
  }
}
