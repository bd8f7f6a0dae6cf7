package dev.meshcheck.load;

import dev.meshcheck.scenario.ClientKind;
import java.io.IOException;
import java.time.Duration;

/**
 * Opens the connections of a request-reply workload on the client it names: jnats (through {@link
 * LoadConnections}) or meshcheck's own wire client. Matching, measuring and error counting are the
 * same {@link ReplyBook} either way; only the transport differs.
 */
interface RequestReplyClients {
  Responder member(
      String url, String name, String subject, String queueGroup, HandledRequests handled)
      throws IOException, InterruptedException;

  Requester client(String url, String name, String subject, ReplyBook replies)
      throws IOException, InterruptedException;

  static RequestReplyClients of(ClientKind client, LoadConnections connections, Clock clock) {
    return client == ClientKind.WIRE
        ? new Wire(clock, connections.errors())
        : new Jnats(connections, clock);
  }

  /** jnats connections, reconnecting, with the load settings of {@link LoadConnections}. */
  record Jnats(LoadConnections connections, Clock clock) implements RequestReplyClients {
    @Override
    public Responder member(
        String url, String name, String subject, String queueGroup, HandledRequests handled)
        throws IOException, InterruptedException {
      var connection = connections.open(url, "meshcheck-" + name);
      try {
        return new ServiceMember(name, connection, subject, queueGroup, handled);
      } catch (RuntimeException | InterruptedException e) {
        connection.close();
        throw e;
      }
    }

    @Override
    public Requester client(String url, String name, String subject, ReplyBook replies)
        throws IOException, InterruptedException {
      var connection = connections.open(url, "meshcheck-" + name);
      try {
        return new JnatsRequester(name, connection, subject, clock, replies);
      } catch (RuntimeException | InterruptedException e) {
        connection.close();
        throw e;
      }
    }
  }

  /** Plain-socket NATS protocol connections: no TLS, no reconnect. */
  record Wire(Clock clock, ConnectionErrors errors) implements RequestReplyClients {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public Responder member(
        String url, String name, String subject, String queueGroup, HandledRequests handled)
        throws IOException, InterruptedException {
      WireConnection connection = WireConnection.open(url, "meshcheck-" + name, CONNECT_TIMEOUT);
      try {
        return new WireResponder(name, connection, subject, queueGroup, handled, errors);
      } catch (IOException | InterruptedException | RuntimeException e) {
        connection.close();
        throw e;
      }
    }

    @Override
    public Requester client(String url, String name, String subject, ReplyBook replies)
        throws IOException, InterruptedException {
      WireConnection connection = WireConnection.open(url, "meshcheck-" + name, CONNECT_TIMEOUT);
      try {
        return new WireRequester(name, connection, subject, clock, replies, errors);
      } catch (IOException | InterruptedException | RuntimeException e) {
        connection.close();
        throw e;
      }
    }
  }
}
