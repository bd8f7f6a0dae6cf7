package dev.meshcheck.load.wire;

import dev.meshcheck.load.transport.ConnectionEvents;
import dev.meshcheck.load.transport.Reconnect;
import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A wire connection that outlives its server: a {@link WireConnection} that, when its socket
 * breaks, is replaced by a new one to another server of the mesh (see {@link ServerList}), which
 * gets the operations registered with {@link #renewOnReconnect} (its subscriptions) before it is
 * used. Each reconnect is recorded in the run's {@link ConnectionEvents} with how long it took.
 *
 * <p>One thread reads ({@link #readAndParse}) and is the one that reconnects: a read that fails
 * returns only once a new connection is up (or this is closed). Any thread may write; a write to a
 * broken connection fails at once and closes it, so that the reader notices. Closing closes
 * whichever connection is current and ends a reconnect in progress.
 */
final class WireLink implements AutoCloseable {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  // Per attempt, so that one silent server (paused, blackholed) does not hold up the others.
  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
  // After every known server refused, as jnats's load settings (LoadConnections) wait.
  private static final Duration ROUND_WAIT = Duration.ofMillis(100);

  private final String name;
  private final ServerList servers;
  private final ConnectionEvents events;
  private final LongSupplier nanoClock;
  private volatile WireConnection current;
  private volatile byte[] renewals = new byte[0];
  private volatile boolean closed;

  private WireLink(
      String name, WireConnection first, ConnectionEvents events, LongSupplier nanoClock) {
    this.name = name;
    this.current = first;
    this.servers = new ServerList(first.url());
    this.events = events;
    this.nanoClock = nanoClock;
    servers.learn(first.advertisedUrls());
  }

  /** Connects to {@code url} as {@code connectionName}; a failure to connect is not retried. */
  static WireLink open(
      String url, String connectionName, ConnectionEvents events, LongSupplier nanoClock)
      throws IOException {
    WireConnection first = WireConnection.open(url, connectionName, CONNECT_TIMEOUT);
    return new WireLink(connectionName, first, events, nanoClock);
  }

  /**
   * Sends {@code operations} (such as a {@code SUB} the caller sent already) again on every new
   * connection, before it is used.
   */
  synchronized void renewOnReconnect(byte[] operations) {
    byte[] all = new byte[renewals.length + operations.length];
    System.arraycopy(renewals, 0, all, 0, renewals.length);
    System.arraycopy(operations, 0, all, renewals.length, operations.length);
    renewals = all;
  }

  /** Whether the current connection can take writes (false while a reconnect is under way). */
  boolean isUp() {
    return current.isOpen();
  }

  void write(byte[] bytes) throws IOException {
    write(bytes, 0, bytes.length);
  }

  /** Writes {@code length} bytes from {@code offset} as one unit to the current connection. */
  void write(byte[] bytes, int offset, int length) throws IOException {
    WireConnection connection = current;
    try {
      connection.write(bytes, offset, length);
    } catch (IOException e) {
      connection.close(); // the reader's blocked read fails too, and it reconnects
      throw e;
    }
  }

  /** Writes the parts one after the other as one unit to the current connection. */
  void write(byte[]... parts) throws IOException {
    WireConnection connection = current;
    try {
      connection.write(parts);
    } catch (IOException e) {
      connection.close();
      throw e;
    }
  }

  /**
   * Blocks for one read and hands complete operations to {@code listener}; the reading thread only.
   * When the connection breaks, reconnects first and returns with nothing read.
   *
   * @throws IOException once this is closed
   */
  void readAndParse(ServerProtocolParser.Listener listener) throws IOException {
    WireConnection connection = current;
    try {
      connection.readAndParse(listener);
    } catch (IOException e) {
      if (closed) {
        throw e;
      }
      reconnect(connection, e);
    }
  }

  /** An {@code INFO} arrived after the connect: remembers the servers it advertises. */
  void learn(String infoJson) {
    servers.learn(WireConnection.advertisedUrls(infoJson));
  }

  String url() {
    return current.url();
  }

  private void reconnect(WireConnection lost, IOException cause) throws IOException {
    long lostAtNanos = nanoClock.getAsLong();
    lost.close();
    while (!closed) {
      for (String url : servers.candidatesAfter(lost.url())) {
        WireConnection next = tryConnect(url);
        if (next != null) {
          current = next;
          if (closed) { // close() may have read the lost connection just before the swap
            next.close();
            break;
          }
          servers.learn(next.advertisedUrls());
          long tookNanos = nanoClock.getAsLong() - lostAtNanos;
          events.recordReconnect(new Reconnect(name, lost.url(), url, lostAtNanos, tookNanos));
          return;
        }
      }
      pause(ROUND_WAIT);
    }
    throw cause;
  }

  private WireConnection tryConnect(String url) {
    if (closed) {
      return null;
    }
    try {
      return WireConnection.open(url, name, ATTEMPT_TIMEOUT, renewals);
    } catch (IOException refused) {
      return null; // that server is gone too, or not up yet: the next one
    }
  }

  private static void pause(Duration wait) throws IOException {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reconnecting", e);
    }
  }

  @Override
  public void close() {
    closed = true;
    current.close();
  }
}
