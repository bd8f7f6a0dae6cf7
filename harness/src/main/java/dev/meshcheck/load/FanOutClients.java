package dev.meshcheck.load;

import dev.meshcheck.scenario.ClientKind;
import java.io.IOException;
import java.time.Duration;

/**
 * Opens the connections of a fan-out on the client a workload names: jnats (through {@link
 * LoadConnections}) or meshcheck's own wire client. What the receivers do with a delivery is the
 * same {@link DeliveryRecorder} either way; only the transport differs.
 */
interface FanOutClients {
  FanOutPublisher publisher(String url, String name, String subject) throws IOException;

  FanOutReceiver receiver(String url, Subscriber.Spec spec, DeliveryRecorder deliveries)
      throws IOException, InterruptedException;

  static FanOutClients of(ClientKind client, LoadConnections connections, Clock clock) {
    return client == ClientKind.WIRE
        ? new Wire(clock, connections.errors())
        : new Jnats(connections, clock);
  }

  /** jnats connections, reconnecting, with the load settings of {@link LoadConnections}. */
  record Jnats(LoadConnections connections, Clock clock) implements FanOutClients {
    @Override
    public FanOutPublisher publisher(String url, String name, String subject) throws IOException {
      return new JnatsPublisher(connections.open(url, "meshcheck-" + name), subject);
    }

    @Override
    public FanOutReceiver receiver(String url, Subscriber.Spec spec, DeliveryRecorder deliveries)
        throws IOException, InterruptedException {
      var connection = connections.open(url, "meshcheck-" + spec.name());
      try {
        return new Subscriber(spec, connection, deliveries, clock);
      } catch (RuntimeException | InterruptedException e) {
        connection.close();
        throw e;
      }
    }
  }

  /** Plain-socket NATS protocol connections: no TLS, no reconnect. */
  record Wire(Clock clock, ConnectionErrors errors) implements FanOutClients {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public FanOutPublisher publisher(String url, String name, String subject) throws IOException {
      return new WirePublisher(
          WireConnection.open(url, "meshcheck-" + name, CONNECT_TIMEOUT), subject, name, errors);
    }

    @Override
    public FanOutReceiver receiver(String url, Subscriber.Spec spec, DeliveryRecorder deliveries)
        throws IOException, InterruptedException {
      WireConnection connection =
          WireConnection.open(url, "meshcheck-" + spec.name(), CONNECT_TIMEOUT);
      try {
        return new WireSubscriber(spec, connection, deliveries, clock, errors);
      } catch (IOException | InterruptedException | RuntimeException e) {
        connection.close();
        throw e;
      }
    }
  }
}
