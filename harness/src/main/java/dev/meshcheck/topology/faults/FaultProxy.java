package dev.meshcheck.topology.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A TCP proxy on 127.0.0.1 that forwards every connection it accepts to one target and injects the
 * {@link LinkFault}s switched on for it: latency with jitter, a bandwidth limit, a blackhole, and
 * resets. Two threads per connection, blocking sockets, {@code TCP_NODELAY} on both sides; with no
 * fault set it adds one thread wake-up per hop and copies nothing.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.open("route east-1>east-2", () -> target, seed)) {
 *   String routeUrl = "nats-route://" + proxy.hostPort();
 *   proxy.apply(LinkFault.latency(Duration.ofMillis(20), Duration.ZERO));
 *   proxy.resetConnections();
 * }
 * }</pre>
 *
 * Thread-safe. Closing it closes every connection through it and ends its threads.
 */
public final class FaultProxy implements AutoCloseable {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration THREAD_EXIT_WAIT = Duration.ofSeconds(2);
  private static final long THREAD_STACK_BYTES = 256 * 1024;

  private final String name;
  private final Supplier<InetSocketAddress> target;
  private final ServerSocketChannel listener;
  private final ProxyFaults faults = new ProxyFaults();
  private final SplittableRandom random;
  private final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean closed;

  private FaultProxy(String name, Supplier<InetSocketAddress> target, long seed)
      throws IOException {
    this.name = name;
    this.target = target;
    this.random = new SplittableRandom(seed);
    this.listener = ServerSocketChannel.open();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
  }

  /**
   * Listens on a free port of 127.0.0.1 and forwards to {@code target}, asked again for every new
   * connection (a restarted container may have a new address).
   *
   * @param name for thread names and messages, such as {@code "route east-1>east-2"}
   * @param seed seeds the jitter, so that a run can be repeated
   */
  public static FaultProxy open(String name, Supplier<InetSocketAddress> target, long seed) {
    try {
      FaultProxy proxy = new FaultProxy(name, target, seed);
      proxy.startThread("accept", proxy::acceptLoop);
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a proxy for " + name + " on 127.0.0.1", e);
    }
  }

  public String name() {
    return name;
  }

  /** Where dialers connect: {@code 127.0.0.1:<port>}. */
  public String hostPort() {
    return InetAddress.getLoopbackAddress().getHostAddress() + ":" + port();
  }

  public int port() {
    return listener.socket().getLocalPort();
  }

  /** Switches {@code fault} on for every connection, now and later. */
  public void apply(LinkFault fault) {
    faults.apply(fault);
  }

  /** Switches the fault of {@code kind} off. */
  public void clear(LinkFaultKind kind) {
    faults.clear(kind);
  }

  public void clearAll() {
    faults.clearAll();
  }

  /** Closes every open connection with a TCP RST; new connections are forwarded as before. */
  public void resetConnections() {
    List.copyOf(connections).forEach(ProxyConnection::reset);
  }

  /** Connections open through the proxy now. */
  public int openConnections() {
    return connections.size();
  }

  @Override
  public void close() {
    closed = true;
    faults.close();
    try {
      listener.close();
    } catch (IOException e) {
      // The accept loop ends either way.
    }
    List.copyOf(connections).forEach(ProxyConnection::reset);
    awaitThreads();
  }

  private void acceptLoop() {
    while (!closed) {
      SocketChannel dialer;
      try {
        dialer = listener.accept();
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        continue; // a dialer that gave up before accept: nothing to forward
      }
      try {
        // A blackholed link takes no new connection either: this one waits, later ones queue in
        // the listen backlog, and dialers see a connection that never answers.
        if (!faults.awaitPassable()) {
          ProxyConnection.closeQuietly(dialer, true);
          return;
        }
        forward(dialer);
      } catch (InterruptedException e) {
        ProxyConnection.closeQuietly(dialer, true);
        return;
      }
    }
  }

  private void forward(SocketChannel dialer) {
    SocketChannel upstream = null;
    try {
      upstream = SocketChannel.open();
      upstream.socket().connect(target.get(), (int) CONNECT_TIMEOUT.toMillis());
      dialer.setOption(StandardSocketOptions.TCP_NODELAY, true);
      upstream.setOption(StandardSocketOptions.TCP_NODELAY, true);
    } catch (IOException | RuntimeException e) {
      // The target refuses or is gone: the dialer sees its connection reset, as it would directly.
      ProxyConnection.closeQuietly(dialer, true);
      if (upstream != null) {
        ProxyConnection.closeQuietly(upstream, true);
      }
      return;
    }
    ProxyConnection connection =
        new ProxyConnection(
            dialer, upstream, faults, random.split(), this::startPumpThread, connections::remove);
    connections.add(connection);
    if (closed) {
      connection.reset(); // close() may have swept the connections before this one was added
      return;
    }
    connection.start();
  }

  private Thread startPumpThread(Runnable task) {
    return startThread("pump", task);
  }

  private synchronized Thread startThread(String role, Runnable task) {
    threads.removeIf(t -> !t.isAlive());
    Thread thread =
        new Thread(null, task, "meshcheck-proxy-" + name + "-" + role, THREAD_STACK_BYTES);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
    return thread;
  }

  private void awaitThreads() {
    long deadline = System.nanoTime() + THREAD_EXIT_WAIT.toNanos();
    List<Thread> running;
    synchronized (this) {
      running = List.copyOf(threads);
    }
    for (Thread thread : running) {
      long leftMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      try {
        thread.join(leftMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
