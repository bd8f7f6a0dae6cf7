package dev.meshcheck.load;

import java.util.function.ToLongFunction;

/**
 * Sequence bookkeeping of one receiver (a subscriber) or one group of receivers sharing messages (a
 * queue group): a {@link SequenceWindow} per publisher. Thread-safe (members of a group record from
 * their own dispatcher threads).
 */
final class DeliveryTracker {
  private final SequenceWindow[] windows;

  DeliveryTracker(int publisherCount) {
    windows = new SequenceWindow[publisherCount];
    for (int i = 0; i < publisherCount; i++) {
      windows[i] = new SequenceWindow();
    }
  }

  int publisherCount() {
    return windows.length;
  }

  /** Records an arrival; a sender id outside the workload counts as nothing. */
  synchronized SequenceWindow.Arrival record(int publisherId, long sequence) {
    if (publisherId < 0 || publisherId >= windows.length) {
      return SequenceWindow.Arrival.DUPLICATE;
    }
    return windows[publisherId].record(sequence);
  }

  /** Messages expected but never received, given what each publisher sent. */
  synchronized long lost(long[] measuredSentByPublisher) {
    long lost = 0;
    for (int i = 0; i < windows.length; i++) {
      lost += Math.max(0, measuredSentByPublisher[i] - windows[i].distinct());
    }
    return lost;
  }

  /** Distinct measured arrivals by publisher id. */
  synchronized long[] distinctByPublisher() {
    long[] counts = new long[windows.length];
    for (int i = 0; i < windows.length; i++) {
      counts[i] = windows[i].distinct();
    }
    return counts;
  }

  synchronized long distinct() {
    return sum(SequenceWindow::distinct);
  }

  synchronized long duplicates() {
    return sum(SequenceWindow::duplicates);
  }

  private long sum(ToLongFunction<SequenceWindow> count) {
    long total = 0;
    for (SequenceWindow window : windows) {
      total += count.applyAsLong(window);
    }
    return total;
  }
}
