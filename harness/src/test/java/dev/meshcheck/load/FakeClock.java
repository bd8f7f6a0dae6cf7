package dev.meshcheck.load;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when told to; waiting on it jumps it to the deadline. */
final class FakeClock {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  Clock clock() {
    return Clock.of(nanos::get, deadline -> nanos.accumulateAndGet(deadline, Math::max));
  }

  long now() {
    return nanos.get();
  }

  void advance(long deltaNanos) {
    nanos.addAndGet(deltaNanos);
  }
}
