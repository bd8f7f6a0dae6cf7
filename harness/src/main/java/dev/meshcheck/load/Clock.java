package dev.meshcheck.load;

import java.util.function.LongSupplier;

/**
 * Time for the generator: a nanosecond clock and a way to wait until a moment on it. Injected so
 * that tests can drive schedules with a fake clock. Implementations are thread-safe.
 */
public interface Clock {
  long nanoTime();

  /** Returns at or after {@code deadlineNanos} on this clock (at once when it has passed). */
  void waitUntil(long deadlineNanos);

  /**
   * The JVM's {@link System#nanoTime()}: parks until shortly before the deadline, spins the last
   * few microseconds. Each call returns a clock with its own estimate of how late a park wakes.
   */
  static Clock system() {
    return new SystemClock();
  }

  /**
   * System time moved to read nanoseconds since the epoch: generators in other processes or on
   * other machines then stamp times that a receiver can subtract from its own (as exactly as the
   * machines' clocks agree: NTP keeps them within about a millisecond, one machine exactly up to
   * the microsecond of {@link java.time.Instant#now()} this reads once).
   */
  static Clock epochAligned() {
    java.time.Instant now = java.time.Instant.now();
    long offset = now.getEpochSecond() * 1_000_000_000L + now.getNano() - System.nanoTime();
    return of(() -> System.nanoTime() + offset, deadline -> system().waitUntil(deadline - offset));
  }

  /** A clock read from {@code nanoClock} whose waits call {@code waiter} with the deadline. */
  static Clock of(LongSupplier nanoClock, java.util.function.LongConsumer waiter) {
    return new Clock() {
      @Override
      public long nanoTime() {
        return nanoClock.getAsLong();
      }

      @Override
      public void waitUntil(long deadlineNanos) {
        if (nanoClock.getAsLong() < deadlineNanos) {
          waiter.accept(deadlineNanos);
        }
      }
    };
  }
}
