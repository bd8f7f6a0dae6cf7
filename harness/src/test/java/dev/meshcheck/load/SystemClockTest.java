package dev.meshcheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SystemClockTest {
  /** Linux's 50 µs timer slack plus a wake-up: what a park overshot on the 2-core test machine. */
  private static final long PARK_LATENESS_NANOS = 110_000;

  /** Every read of this time source costs 100 ns; a park wakes PARK_LATENESS_NANOS late. */
  private static final class FakeTime {
    long now = 1_000_000_000L;
    int reads;
    int parks;

    long read() {
      reads++;
      return now += 100;
    }

    void park(long askNanos) {
      parks++;
      now += askNanos + PARK_LATENESS_NANOS;
    }

    SystemClock clock() {
      return new SystemClock(this::read, this::park);
    }
  }

  @Test
  void aWaitOfFiftyMicrosecondsParksInsteadOfSpinning() {
    FakeTime time = new FakeTime();
    SystemClock clock = time.clock();
    long deadline = time.now + 50_000;
    time.reads = 0;

    clock.waitUntil(deadline);

    // At 20,000 sends/s every wait is this short: spinning it, as the clock did for the last 100 µs
    // of every wait, took a whole core from the server on a 2-core machine.
    assertThat(time.parks).as("parks").isEqualTo(1);
    assertThat(time.reads).as("clock reads (a spin reads it in a loop)").isLessThan(10);
    assertThat(time.now).as("returns at or after the deadline").isGreaterThanOrEqualTo(deadline);
  }

  @Test
  void longerWaitsLearnTheLatenessAndWakeOnTime() {
    FakeTime time = new FakeTime();
    SystemClock clock = time.clock();
    for (int i = 0; i < 200; i++) {
      clock.waitUntil(time.now + 1_000_000);
    }
    long deadline = time.now + 1_000_000;

    clock.waitUntil(deadline);

    assertThat(clock.parkLatenessNanos())
        .as("learnt lateness")
        .isBetween(PARK_LATENESS_NANOS - 10_000, PARK_LATENESS_NANOS + 10_000);
    assertThat(time.now - deadline)
        .as("how late a 1 ms wait returns, once the lateness is learnt")
        .isBetween(0L, SystemClock.SPIN_NANOS);
  }

  @Test
  void neverReturnsBeforeTheDeadlineOnTheRealClock() {
    Clock clock = Clock.system();
    long start = clock.nanoTime();
    for (int i = 1; i <= 200; i++) {
      long deadline = start + i * 50_000L;
      clock.waitUntil(deadline);
      assertThat(clock.nanoTime()).as("after wait %d", i).isGreaterThanOrEqualTo(deadline);
    }
  }
}
