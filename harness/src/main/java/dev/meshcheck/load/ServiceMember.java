package dev.meshcheck.load;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Duration;

/**
 * A {@link Responder} on a jnats connection: subscribes to the subject in the queue group and
 * echoes every request's payload (the stamp) back to its reply subject from its dispatcher thread.
 * Counts measured requests for the fairness statistics. Closing it closes its connection.
 */
final class ServiceMember implements Responder {
  private final String name;
  private final Connection connection;
  private final HandledRequests handled;

  ServiceMember(
      String name,
      Connection connection,
      String subject,
      String queueGroup,
      HandledRequests handled)
      throws InterruptedException {
    this.name = name;
    this.connection = connection;
    this.handled = handled;
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
    handled.count(data, 0, data.length);
    String replyTo = request.getReplyTo();
    if (replyTo != null) {
      connection.publish(replyTo, data);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void close() {
    LoadConnections.close(connection);
  }
}
