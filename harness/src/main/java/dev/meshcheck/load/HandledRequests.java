package dev.meshcheck.load;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one service member handled, by the phase in each request's stamp: measured requests (for the
 * per-member counts and fairness) and readiness probes. Recorded by the member's one receiving
 * thread, read from any thread.
 */
final class HandledRequests {
  private final LongAdder measured = new LongAdder();
  private final LongAdder probes = new LongAdder();

  /** Counts the request whose payload is {@code length} bytes at {@code offset}. */
  void count(byte[] buffer, int offset, int length) {
    if (!Stamp.isStamped(buffer, offset, length)) {
      return;
    }
    byte phase = Stamp.phase(buffer, offset);
    if (phase == Stamp.MEASURED) {
      measured.increment();
    } else if (phase == Stamp.PROBE) {
      probes.increment();
    }
  }

  long measured() {
    return measured.sum();
  }

  long probes() {
    return probes.sum();
  }
}
