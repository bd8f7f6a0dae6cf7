package dev.meshcheck.topology.faults;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/** One connection through a {@link FaultProxy}: the dialer's socket, the target's, two pumps. */
final class ProxyConnection {
  private final SocketChannel dialer;
  private final SocketChannel target;
  private final Pipe toTarget;
  private final Pipe toDialer;
  private final Function<Runnable, Thread> threads;
  private final Consumer<ProxyConnection> onClosed;
  private boolean closed;

  ProxyConnection(
      SocketChannel dialer,
      SocketChannel target,
      ProxyFaults faults,
      SplittableRandom random,
      Function<Runnable, Thread> threads,
      Consumer<ProxyConnection> onClosed) {
    this.dialer = dialer;
    this.target = target;
    this.threads = threads;
    this.onClosed = onClosed;
    this.toTarget = new Pipe(dialer, target, faults, random.split(), threads, this::close);
    this.toDialer = new Pipe(target, dialer, faults, random.split(), threads, this::close);
  }

  void start() {
    threads.apply(toTarget);
    threads.apply(toDialer);
  }

  /** Closes both sockets with a FIN. */
  void close() {
    close(false);
  }

  /** Closes both sockets with a TCP RST, as a connection reset by the network. */
  void reset() {
    close(true);
  }

  private void close(boolean reset) {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    toTarget.close();
    toDialer.close();
    closeQuietly(dialer, reset);
    closeQuietly(target, reset);
    onClosed.accept(this);
  }

  static void closeQuietly(SocketChannel channel, boolean reset) {
    try {
      if (reset && channel.isOpen()) {
        // SO_LINGER 0 turns close into an RST: the peer sees "connection reset", not an orderly
        // end.
        channel.setOption(StandardSocketOptions.SO_LINGER, 0);
      }
    } catch (IOException e) {
      // Already closed by the peer: the close below is all that is left.
    }
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing more to release.
    }
  }
}
