package dev.meshcheck.load;

/**
 * Tracks the sequence numbers one receiver got from one sender: duplicates, out-of-order arrivals
 * and distinct messages, in constant memory (a sliding window of the last {@link #WINDOW}
 * sequences). A message older than the window counts as out of order; whether it was a duplicate
 * can no longer be told, so it counts as distinct. Not thread-safe: one per receiving thread, or
 * guarded by the caller.
 */
final class SequenceWindow {
  static final int WINDOW = 1 << 16;

  private final long[] seenBits = new long[WINDOW / 64];
  private long highest = -1;
  private long distinct;
  private long duplicates;
  private long outOfOrder;

  /** What an arrival was. */
  enum Arrival {
    IN_ORDER,
    OUT_OF_ORDER,
    DUPLICATE
  }

  Arrival record(long sequence) {
    if (sequence > highest) {
      clearBetween(highest + 1, sequence);
      set(sequence);
      // A gap is not loss yet: the missing ones may still arrive, out of order.
      highest = sequence;
      distinct++;
      return Arrival.IN_ORDER;
    }
    if (highest - sequence >= WINDOW) {
      distinct++;
      outOfOrder++;
      return Arrival.OUT_OF_ORDER;
    }
    if (isSet(sequence)) {
      duplicates++;
      return Arrival.DUPLICATE;
    }
    set(sequence);
    distinct++;
    outOfOrder++;
    return Arrival.OUT_OF_ORDER;
  }

  long distinct() {
    return distinct;
  }

  long duplicates() {
    return duplicates;
  }

  long outOfOrder() {
    return outOfOrder;
  }

  private void clearBetween(long fromInclusive, long toInclusive) {
    long from = Math.max(fromInclusive, toInclusive - WINDOW + 1);
    for (long s = from; s <= toInclusive; s++) {
      seenBits[index(s)] &= ~bit(s);
    }
  }

  private boolean isSet(long sequence) {
    return (seenBits[index(sequence)] & bit(sequence)) != 0;
  }

  private void set(long sequence) {
    seenBits[index(sequence)] |= bit(sequence);
  }

  private static int index(long sequence) {
    return (int) ((sequence & (WINDOW - 1)) >>> 6);
  }

  private static long bit(long sequence) {
    return 1L << (sequence & 63);
  }
}
