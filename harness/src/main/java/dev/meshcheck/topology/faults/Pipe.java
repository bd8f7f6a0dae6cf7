package dev.meshcheck.topology.faults;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Forwards one direction of a proxied connection: reads a chunk, waits while the link is
 * blackholed, paces it to the bandwidth limit, and writes it at once or, with latency, through its
 * {@link DelayLine}. Blocking reads and writes on the pump's own thread: with no fault set, a chunk
 * costs one read and one write and no hand-off between threads.
 */
final class Pipe implements Runnable {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final SocketChannel from;
  private final SocketChannel to;
  private final ProxyFaults faults;
  private final SplittableRandom random;
  private final Runnable closeConnection;
  private final DelayLine delayLine;
  private final TokenBucket bucket = new TokenBucket();

  /**
   * @param threads starts the delay line's writer thread when latency is first set
   * @param closeConnection closes both sockets of the connection (the stream ended or failed)
   */
  Pipe(
      SocketChannel from,
      SocketChannel to,
      ProxyFaults faults,
      SplittableRandom random,
      Function<Runnable, Thread> threads,
      Runnable closeConnection) {
    this.from = from;
    this.to = to;
    this.faults = faults;
    this.random = random;
    this.closeConnection = closeConnection;
    this.delayLine = new DelayLine(to, faults, threads, closeConnection);
  }

  @Override
  public void run() {
    ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    try {
      while (true) {
        long rate = faults.bytesPerSecond();
        buffer.clear().limit(rate == 0 ? BUFFER_BYTES : TokenBucket.chunkLimit(rate, BUFFER_BYTES));
        boolean ended = from.read(buffer) < 0;
        buffer.flip();
        if (!faults.awaitPassable()) {
          return;
        }
        if (ended) {
          end(faults.sampleDelayNanos(random));
          return;
        }
        forwardPaced(buffer);
      }
    } catch (IOException | InterruptedException e) {
      // Closed by a reset, by the proxy's close, or by the other side: the connection is over.
      closeConnection.run();
    }
  }

  void close() {
    delayLine.close();
  }

  /**
   * Under a bandwidth limit, forwards in slices of {@link TokenBucket#chunkLimit}, each after its
   * tokens: a chunk read before the limit was set may be 64 KiB, and sent at once it would be a
   * burst of a quarter second at 256 KiB/s.
   */
  private void forwardPaced(ByteBuffer buffer) throws IOException, InterruptedException {
    long rate = faults.bytesPerSecond();
    if (rate == 0) {
      forward(buffer);
      return;
    }
    int end = buffer.limit();
    while (buffer.position() < end) {
      int slice = Math.min(end - buffer.position(), TokenBucket.chunkLimit(rate, BUFFER_BYTES));
      buffer.limit(buffer.position() + slice);
      long waitNanos = bucket.take(slice, rate, System.nanoTime());
      if (waitNanos > 0) {
        LockSupport.parkNanos(this, waitNanos);
      }
      forward(buffer);
      buffer.limit(end);
    }
  }

  private void forward(ByteBuffer buffer) throws IOException, InterruptedException {
    long delayNanos = faults.sampleDelayNanos(random);
    if (delayNanos == 0 && delayLine.isIdle()) {
      while (buffer.hasRemaining()) {
        to.write(buffer);
      }
    } else {
      delayLine.add(buffer, System.nanoTime() + delayNanos);
    }
  }

  private void end(long delayNanos) throws InterruptedException {
    if (delayNanos == 0 && delayLine.isIdle()) {
      closeConnection.run();
    } else {
      delayLine.addEnd(System.nanoTime() + delayNanos);
    }
  }
}
