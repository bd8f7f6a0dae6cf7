package dev.meshcheck.load.jnats;

import dev.meshcheck.load.transport.ConnectionEvents;
import dev.meshcheck.load.transport.Reconnect;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.impl.NoOpStatistics;
import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Opens the generator's client connections with settings chosen for load: reconnect forever,
 * quickly (a killed node's clients move to the others, which the server advertises), a bigger
 * outgoing queue and socket buffer, and errors counted in the run's {@link ConnectionEvents}
 * instead of logged per event. Thread-safe.
 */
final class JnatsConnections {
  private static final int SOCKET_BUFFER_BYTES = 2 * 1024 * 1024;
  private static final int OUTGOING_QUEUE_MESSAGES = 65_536;

  private final ConnectionEvents events;
  private final LongSupplier nanoClock;

  JnatsConnections(ConnectionEvents events, LongSupplier nanoClock) {
    this.events = events;
    this.nanoClock = nanoClock;
  }

  /** Closes a connection this opened; an interrupt ends the wait for it and is kept. */
  static void close(Connection connection) {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  Connection open(String url, String connectionName) throws IOException {
    Options options =
        Options.builder()
            .server(url)
            .connectionName(connectionName)
            .connectionTimeout(Duration.ofSeconds(5))
            .maxReconnects(-1)
            .reconnectWait(Duration.ofMillis(100))
            .reconnectJitter(Duration.ofMillis(50))
            // As the wire client's keepalive (WireLink): a dead node that never closed its
            // sockets is noticed in about two seconds, not jnats's default four minutes.
            .pingInterval(Duration.ofSeconds(1))
            .maxPingsOut(2)
            .receiveBufferSize(SOCKET_BUFFER_BYTES)
            .sendBufferSize(SOCKET_BUFFER_BYTES)
            .bufferSize(256 * 1024)
            .maxMessagesInOutgoingQueue(OUTGOING_QUEUE_MESSAGES)
            .writeQueuePushTimeout(Duration.ofSeconds(1))
            .errorListener(new CountingErrorListener())
            .connectionListener(new ReconnectTimer(url))
            // jnats counts every message in shared atomics by default; nothing here reads them.
            .statisticsCollector(new NoOpStatistics())
            // Subjects come from validated scenarios (literal tokens) and generated inboxes.
            .noSubjectValidation()
            .build();
    try {
      return Nats.connect(options);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while connecting to " + url, e);
    }
  }

  /**
   * Times each reconnect from jnats's DISCONNECTED to its RESUBSCRIBED (subscriptions sent again
   * and flushed), as the wire client times its own. jnats calls it from its executor.
   */
  private final class ReconnectTimer implements ConnectionListener {
    private String connectedUrl;
    private long lostAtNanos = -1;
    private String lostUrl;

    ReconnectTimer(String url) {
      this.connectedUrl = url;
    }

    @Override
    public synchronized void connectionEvent(Connection conn, Events type) {
      if (type == Events.DISCONNECTED) {
        lostAtNanos = nanoClock.getAsLong();
        lostUrl = connectedUrl;
      } else if (type == Events.RESUBSCRIBED && lostAtNanos >= 0) {
        String url = conn.getConnectedUrl() == null ? "?" : conn.getConnectedUrl();
        events.recordReconnect(
            new Reconnect(
                conn.getOptions().getConnectionName(),
                lostUrl,
                url,
                lostAtNanos,
                nanoClock.getAsLong() - lostAtNanos));
        connectedUrl = url;
        lostAtNanos = -1;
      }
    }
  }

  private final class CountingErrorListener implements ErrorListener {
    @Override
    public void errorOccurred(Connection conn, String error) {
      events.recordError(conn.getOptions().getConnectionName(), error);
    }

    @Override
    public void exceptionOccurred(Connection conn, Exception exp) {
      events.recordError(conn.getOptions().getConnectionName(), exp.toString());
    }

    @Override
    public void slowConsumerDetected(Connection conn, Consumer consumer) {
      events.recordSlowConsumer();
    }
  }
}
