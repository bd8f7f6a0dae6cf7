package dev.meshcheck.load.jnats;

import dev.meshcheck.load.transport.RequestListener;
import dev.meshcheck.load.transport.Responder;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Duration;

/**
 * A {@link Responder} on a jnats connection: subscribes to the subject in the queue group and
 * echoes every request's payload (the stamp) back to its reply subject from its dispatcher thread.
 * Tells its {@link RequestListener} about each request first. Closing it closes its connection.
 */
final class JnatsResponder implements Responder {
  private final Connection connection;
  private final RequestListener requests;

  JnatsResponder(
      String name,
      Connection connection,
      String subject,
      String queueGroup,
      RequestListener requests)
      throws InterruptedException {
    this.connection = connection;
    this.requests = requests;
    Dispatcher dispatcher = connection.createDispatcher(this::onRequest);
    dispatcher.subscribe(subject, queueGroup);
    try {
      connection.flush(Duration.ofSeconds(5));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(name + " could not subscribe within 5 s", e);
    }
  }

  private void onRequest(Message request) {
    byte[] data = request.getData();
    requests.onRequest(data, 0, data.length);
    String replyTo = request.getReplyTo();
    if (replyTo != null) {
      connection.publish(replyTo, data);
    }
  }

  @Override
  public void close() {
    JnatsConnections.close(connection);
  }
}
