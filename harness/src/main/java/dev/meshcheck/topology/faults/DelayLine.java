package dev.meshcheck.topology.faults;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Holds chunks of one direction until their due time and writes them in order from a thread of its
 * own, started on first use. Due times never go backwards (a chunk is due no earlier than the one
 * before it), so jitter never reorders bytes. At most {@link #MAX_QUEUED_BYTES} wait at once; past
 * that, {@link #add} blocks its pump, as a full TCP window would.
 */
final class DelayLine {
  static final long MAX_QUEUED_BYTES = 8L << 20;

  /** A chunk to write, or the end of the stream when {@code data} is null. */
  private record Chunk(ByteBuffer data, long dueNanos) {}

  private final WritableByteChannel out;
  private final ProxyFaults faults;
  private final Function<Runnable, Thread> threads;
  private final Runnable onEnd;
  private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
  private long queuedBytes;
  private long lastDueNanos = Long.MIN_VALUE;
  private boolean writing;
  private boolean closed;
  private Thread writer;

  /**
   * @param threads starts a thread running the given task
   * @param onEnd called when the end of the stream has been written, or writing failed
   */
  DelayLine(
      WritableByteChannel out,
      ProxyFaults faults,
      Function<Runnable, Thread> threads,
      Runnable onEnd) {
    this.out = out;
    this.faults = faults;
    this.threads = threads;
    this.onEnd = onEnd;
  }

  /** True when nothing waits and nothing is being written: the pump may write directly. */
  synchronized boolean isIdle() {
    return queue.isEmpty() && !writing;
  }

  /** Queues a copy of {@code data}'s remaining bytes, due at {@code dueNanos} or later. */
  void add(ByteBuffer data, long dueNanos) throws InterruptedException {
    ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
    enqueue(new Chunk(copy, dueNanos), copy.remaining());
  }

  /** Queues the end of the stream. */
  void addEnd(long dueNanos) throws InterruptedException {
    enqueue(new Chunk(null, dueNanos), 0);
  }

  void close() {
    Thread toWake;
    synchronized (this) {
      closed = true;
      queue.clear();
      notifyAll();
      toWake = writer;
    }
    if (toWake != null) {
      LockSupport.unpark(toWake);
    }
  }

  private void enqueue(Chunk chunk, long bytes) throws InterruptedException {
    Thread toWake;
    synchronized (this) {
      while (queuedBytes > MAX_QUEUED_BYTES && !closed) {
        wait();
      }
      if (closed) {
        return;
      }
      long due = Math.max(chunk.dueNanos(), lastDueNanos);
      lastDueNanos = due;
      queue.add(new Chunk(chunk.data(), due));
      queuedBytes += bytes;
      if (writer == null) {
        writer = threads.apply(this::writeLoop);
      }
      toWake = writer;
    }
    LockSupport.unpark(toWake);
  }

  private void writeLoop() {
    try {
      Chunk chunk;
      while ((chunk = nextDue()) != null) {
        if (!faults.awaitPassable()) {
          return;
        }
        if (chunk.data() == null) {
          onEnd.run();
          return;
        }
        while (chunk.data().hasRemaining()) {
          out.write(chunk.data());
        }
        synchronized (this) {
          writing = false;
        }
      }
    } catch (IOException | InterruptedException e) {
      onEnd.run();
    }
  }

  /** Waits for the head chunk's due time; null once closed. */
  private Chunk nextDue() {
    while (true) {
      long waitNanos;
      synchronized (this) {
        if (closed) {
          return null;
        }
        Chunk head = queue.peek();
        waitNanos = head == null ? Long.MAX_VALUE : head.dueNanos() - System.nanoTime();
        if (head != null && waitNanos <= 0) {
          queue.poll();
          queuedBytes -= head.data() == null ? 0 : head.data().remaining();
          writing = true;
          notifyAll();
          return head;
        }
      }
      // parkNanos rather than wait(ms): it keeps the due time to tens of microseconds.
      if (waitNanos == Long.MAX_VALUE) {
        LockSupport.park(this);
      } else {
        LockSupport.parkNanos(this, waitNanos);
      }
    }
  }
}
