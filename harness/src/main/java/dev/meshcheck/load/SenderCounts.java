package dev.meshcheck.load;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Messages one receiver got from each sender, by the phase in their stamps: the measured counts say
 * which sender-to-receiver paths (and so which links) the traffic took. Written by the receiver's
 * one thread (release stores, no read-modify-write), read from any thread.
 */
final class SenderCounts {
  // Indexed by the stamp's phase, as everywhere on the receive path (see SendLoop), so the warm-up
  // compiles the code the measured phase runs. Probes are never counted per sender.
  private final AtomicLongArray[] byPhase;

  SenderCounts(int senderCount) {
    byPhase =
        new AtomicLongArray[] {new AtomicLongArray(senderCount), new AtomicLongArray(senderCount)};
  }

  /** Counts one message of {@code phase} (warm-up or measured) from {@code senderId}. */
  void count(byte phase, int senderId) {
    AtomicLongArray counts = byPhase[phase];
    if (senderId >= 0 && senderId < counts.length()) {
      counts.lazySet(senderId, counts.get(senderId) + 1);
    }
  }

  /** Measured messages by sender id. */
  long[] measured() {
    AtomicLongArray counts = byPhase[Stamp.MEASURED];
    long[] copy = new long[counts.length()];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = counts.get(i);
    }
    return copy;
  }
}
