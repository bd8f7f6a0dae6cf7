package dev.meshcheck.topology.faults;

import java.util.SplittableRandom;

/**
 * The faults switched on for one {@link FaultProxy}, read by its pumps before every chunk they
 * forward. Each setting is one volatile field, so the no-fault path costs a few volatile reads.
 */
final class ProxyFaults {
  /** One-way delay and its jitter (± this much), in nanoseconds; null when no latency is set. */
  private record OneWay(long delayNanos, long jitterNanos) {}

  private final Object gate = new Object();
  private volatile OneWay latency;
  private volatile long bytesPerSecond;
  private volatile boolean blackholed;
  private volatile boolean closed;

  void apply(LinkFault fault) {
    if (fault instanceof LinkFault.Latency l) {
      latency = new OneWay(l.roundTrip().toNanos() / 2, l.jitter().toNanos() / 2);
    } else if (fault instanceof LinkFault.BandwidthLimit b) {
      bytesPerSecond = b.bytesPerSecond();
    } else {
      blackholed = true;
    }
  }

  void clear(LinkFaultKind kind) {
    switch (kind) {
      case LATENCY -> latency = null;
      case BANDWIDTH -> bytesPerSecond = 0;
      case BLACKHOLE -> open();
      case RESET -> {
        // A reset is an action, not a state: nothing stays switched on.
      }
    }
  }

  void clearAll() {
    latency = null;
    bytesPerSecond = 0;
    open();
  }

  /** 0 when unlimited. */
  long bytesPerSecond() {
    return bytesPerSecond;
  }

  boolean isBlackholed() {
    return blackholed;
  }

  /** The delay for the next chunk, in nanoseconds: 0 without latency. */
  long sampleDelayNanos(SplittableRandom random) {
    OneWay current = latency;
    if (current == null) {
      return 0;
    }
    if (current.jitterNanos() == 0) {
      return current.delayNanos();
    }
    long offset = random.nextLong(-current.jitterNanos(), current.jitterNanos() + 1);
    return Math.max(0, current.delayNanos() + offset);
  }

  /**
   * Blocks while the link is blackholed. Returns false once the proxy is closed, so that a waiting
   * pump gives up instead of forwarding.
   */
  boolean awaitPassable() throws InterruptedException {
    if (blackholed && !closed) {
      synchronized (gate) {
        while (blackholed && !closed) {
          gate.wait();
        }
      }
    }
    return !closed;
  }

  void close() {
    closed = true;
    synchronized (gate) {
      gate.notifyAll();
    }
  }

  private void open() {
    synchronized (gate) {
      blackholed = false;
      gate.notifyAll();
    }
  }
}
