package dev.meshcheck.load;

/**
 * The intended send times of one open-loop sender: {@code firstNanos + i * intervalNanos}, computed
 * from the index so that rounding never drifts. A sender that falls behind keeps these times (it
 * sends late, and the lateness is measured), it never shifts them. Immutable.
 *
 * <pre>{@code
 * SendSchedule schedule = SendSchedule.atRate(startNanos, 2500.0, 1, 4); // client 1 of 4
 * long intended = schedule.intendedNanos(index);
 * }</pre>
 */
public record SendSchedule(long firstNanos, double intervalNanos) {
  public SendSchedule {
    if (!(intervalNanos > 0)) {
      throw new IllegalArgumentException("intervalNanos must be positive, was " + intervalNanos);
    }
  }

  /**
   * The schedule of sender {@code senderIndex} (0-based) of {@code senderCount}, each sending at
   * {@code perSenderRatePerSecond}; senders are staggered evenly over one interval so that their
   * sends interleave instead of arriving in bursts.
   */
  public static SendSchedule atRate(
      long startNanos, double perSenderRatePerSecond, int senderIndex, int senderCount) {
    if (!(perSenderRatePerSecond > 0)) {
      throw new IllegalArgumentException(
          "perSenderRatePerSecond must be positive, was " + perSenderRatePerSecond);
    }
    double interval = 1e9 / perSenderRatePerSecond;
    long offset = Math.round(interval * senderIndex / senderCount);
    return new SendSchedule(startNanos + offset, interval);
  }

  public long intendedNanos(long index) {
    return firstNanos + (long) (index * intervalNanos);
  }
}
