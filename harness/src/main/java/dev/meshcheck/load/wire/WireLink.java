package dev.meshcheck.load.wire;

import dev.meshcheck.load.transport.ConnectionEvents;
import dev.meshcheck.load.transport.Reconnect;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

  // As the harness's own conformance clients ask of jnats: a PING after a second with nothing read,
  // and the connection counts as broken when two go unanswered. A node killed behind a bridge or
  // a proxy does not always close its sockets, and a connection that only receives would otherwise
  // wait on a dead node for good.
  static final Duration PING_INTERVAL = Duration.ofSeconds(1);
  private static final int MAX_PINGS_OUT = 2;
  private static final byte[] PING =
      "PING\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final ScheduledExecutorService KEEPALIVE =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "meshcheck-wire-keepalive");
            thread.setDaemon(true);
            return thread;
          });

  private final String name;
  private final ServerList servers;
  private final ConnectionEvents events;
  private final LongSupplier nanoClock;
  private volatile WireConnection current;
  private volatile byte[] renewals = new byte[0];
  private volatile boolean closed;
  private volatile long reads; // counted by the reading thread, watched by the keepalive
  // PONGs still due for the keepalive's PINGs; the reader hides that many from its listener.
  private final AtomicInteger keepalivePongsDue = new AtomicInteger();
  private final ScheduledFuture<?> keepalive;
  private long readsAtLastCheck = -1; // keepalive thread only
  private int unansweredPings; // keepalive thread only

  private WireLink(
      String name, WireConnection first, ConnectionEvents events, LongSupplier nanoClock) {
    this.name = name;
    this.current = first;
    this.servers = new ServerList(first.url());
    this.events = events;
    this.nanoClock = nanoClock;
    servers.learn(first.advertisedUrls());
    long interval = PING_INTERVAL.toMillis();
    this.keepalive =
        KEEPALIVE.scheduleAtFixedRate(this::keepAlive, interval, interval, TimeUnit.MILLISECONDS);
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
      connection.readAndParse(
          keepalivePongsDue.get() == 0 ? listener : new HidingKeepalivePongs(listener));
      reads++; // one thread writes it
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
          keepalivePongsDue.set(0); // what the lost connection owed never comes
          reads++;
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

  /**
   * Once a second: when nothing was read since the last look, sends a PING; when {@value
   * #MAX_PINGS_OUT} went unanswered, closes the connection so that the reader reconnects.
   */
  private void keepAlive() {
    WireConnection connection = current;
    if (closed) {
      keepalive.cancel(false);
      return;
    }
    long readsNow = reads;
    if (readsNow != readsAtLastCheck || !connection.isOpen()) {
      readsAtLastCheck = readsNow;
      unansweredPings = 0;
      return;
    }
    if (unansweredPings >= MAX_PINGS_OUT) {
      unansweredPings = 0;
      connection.close(); // the reader's blocked read fails, and it reconnects
      return;
    }
    try {
      keepalivePongsDue.incrementAndGet();
      connection.write(PING);
      unansweredPings++;
    } catch (IOException e) {
      connection.close();
    }
  }

  @Override
  public void close() {
    closed = true;
    keepalive.cancel(false);
    current.close();
  }

  /**
   * Hands everything on except the PONGs that answer the keepalive's PINGs, so that a caller
   * waiting for the PONG to its own PING (a flush) is not answered by one of ours. PONGs come in
   * the order of the PINGs; taking the first ones as ours can only make such a caller wait for the
   * next one, never return early.
   */
  private final class HidingKeepalivePongs implements ServerProtocolParser.Listener {
    private final ServerProtocolParser.Listener delegate;

    HidingKeepalivePongs(ServerProtocolParser.Listener delegate) {
      this.delegate = delegate;
    }

    @Override
    public void onBytesRead() {
      delegate.onBytesRead();
    }

    @Override
    public void onMessage(byte[] buffer, int offset, int length) {
      delegate.onMessage(buffer, offset, length);
    }

    @Override
    public void onMessageWithReply(
        byte[] buffer, int replyOffset, int replyLength, int offset, int length) {
      delegate.onMessageWithReply(buffer, replyOffset, replyLength, offset, length);
    }

    @Override
    public void onHeaderedMessage(
        byte[] buffer, int headerOffset, int headerLength, int offset, int length) {
      delegate.onHeaderedMessage(buffer, headerOffset, headerLength, offset, length);
    }

    @Override
    public void onPing() {
      delegate.onPing();
    }

    @Override
    public void onError(String serverMessage) {
      delegate.onError(serverMessage);
    }

    @Override
    public void onInfo(String json) {
      delegate.onInfo(json);
    }

    @Override
    public void onPong() {
      if (keepalivePongsDue.getAndUpdate(due -> Math.max(0, due - 1)) == 0) {
        delegate.onPong();
      }
    }
  }
}
