package dev.meshcheck.load;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * One member of the service under load: subscribes to the subject in the queue group and echoes
 * every request's payload (the stamp) back to its reply subject. Counts measured requests for the
 * fairness statistics. Closing it closes its connection.
 */
final class ServiceMember implements AutoCloseable {
  private final String name;
  private final Connection connection;
  private final LongAdder measuredHandled = new LongAdder();
  private final LongAdder probesHandled = new LongAdder();

  ServiceMember(String name, Connection connection, String subject, String queueGroup)
      throws InterruptedException {
    this.name = name;
    this.connection = connection;
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
    if (Stamp.isStamped(data)) {
      if (Stamp.phase(data) == Stamp.MEASURED) {
        measuredHandled.increment();
      } else if (Stamp.phase(data) == Stamp.PROBE) {
        probesHandled.increment();
      }
    }
    String replyTo = request.getReplyTo();
    if (replyTo != null) {
      connection.publish(replyTo, data);
    }
  }

  String name() {
    return name;
  }

  long measuredHandled() {
    return measuredHandled.sum();
  }

  long probesHandled() {
    return probesHandled.sum();
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
