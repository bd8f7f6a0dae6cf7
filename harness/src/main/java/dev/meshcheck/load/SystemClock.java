package dev.meshcheck.load;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * System time, waiting by parking for most of the wait and spinning only the last {@link
 * #SPIN_NANOS}. A park wakes late (Linux's 50 µs timer slack plus the scheduler's wake-up: 105-120
 * µs median on the 2-core test machine, asked for 1-100 µs), so it asks for that much less than
 * remains, learning the lateness from its own wake-ups. A wait shorter than the lateness therefore
 * parks anyway and returns up to one lateness after the deadline, instead of spinning: at 20,000
 * sends/s (50 µs apart) a spinning sender burnt a whole core, on a machine whose other core the
 * server needed, and that contention, not the lateness, set the tail (see README, "Comparing with
 * the Go client"). The lateness is measured as send delay and counted in the corrected latency.
 * Thread-safe: concurrent waiters share the estimate, a statistic that tolerates lost updates.
 */
final class SystemClock implements Clock {
  /** Spinning this long costs little CPU even at 40,000 waits/s, and makes short waits exact. */
  static final long SPIN_NANOS = 10_000;

  private static final long INITIAL_LATENESS_NANOS = 60_000;
  // One wake-up that a loaded machine delays by milliseconds must not make every later park
  // return early and spin: a sample counts at most this much.
  private static final long MAX_LATENESS_SAMPLE_NANOS = 300_000;

  private final LongSupplier nanoClock;
  private final LongConsumer parkNanos;
  private volatile long parkLatenessNanos = INITIAL_LATENESS_NANOS;

  SystemClock() {
    this(System::nanoTime, LockSupport::parkNanos);
  }

  /** Tests pass a fake time source and a park that moves it. */
  SystemClock(LongSupplier nanoClock, LongConsumer parkNanos) {
    this.nanoClock = nanoClock;
    this.parkNanos = parkNanos;
  }

  @Override
  public long nanoTime() {
    return nanoClock.getAsLong();
  }

  @Override
  public void waitUntil(long deadlineNanos) {
    long remaining;
    while ((remaining = deadlineNanos - nanoClock.getAsLong()) > SPIN_NANOS) {
      park(remaining);
    }
    while (deadlineNanos - nanoClock.getAsLong() > 0) {
      Thread.onSpinWait();
    }
  }

  private void park(long remainingNanos) {
    long lateness = parkLatenessNanos;
    long askNanos = Math.max(1, remainingNanos - lateness);
    long before = nanoClock.getAsLong();
    parkNanos.accept(askNanos);
    long late = nanoClock.getAsLong() - before - askNanos;
    long sample = Math.max(0, Math.min(MAX_LATENESS_SAMPLE_NANOS, late));
    parkLatenessNanos = lateness + (sample - lateness) / 16;
  }

  /** The current estimate of how late a park wakes (for tests and diagnostics). */
  long parkLatenessNanos() {
    return parkLatenessNanos;
  }
}
