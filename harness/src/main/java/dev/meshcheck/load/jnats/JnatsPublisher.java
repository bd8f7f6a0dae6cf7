package dev.meshcheck.load.jnats;

import dev.meshcheck.load.transport.Publisher;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** A fan-out publisher on a jnats connection, which it closes. */
final class JnatsPublisher implements Publisher {
  private final Connection connection;
  private final String subject;

  JnatsPublisher(Connection connection, String subject) {
    this.connection = connection;
    this.subject = subject;
  }

  @Override
  public boolean send(byte[] payload) {
    try {
      connection.publish(subject, payload);
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  @Override
  public boolean flush(Duration timeout) throws InterruptedException {
    try {
      connection.flush(timeout);
      return true;
    } catch (TimeoutException | IllegalStateException e) {
      return false;
    }
  }

  @Override
  public void close() {
    JnatsConnections.close(connection);
  }
}
