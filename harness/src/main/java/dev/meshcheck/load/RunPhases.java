package dev.meshcheck.load;

import java.time.Duration;

/**
 * When a run's phases start and end, on the generator's {@link Clock}: warm-up from {@code
 * startNanos}, then the measured phase from {@code measureStartNanos} until {@code endNanos} (or
 * until every sender has sent its message count). A message belongs to the phase of its
 * <em>intended</em> send time.
 */
public record RunPhases(long startNanos, long measureStartNanos, long endNanos) {
  public RunPhases {
    if (measureStartNanos < startNanos || endNanos <= measureStartNanos) {
      throw new IllegalArgumentException(
          "phases must be ordered start <= measureStart < end, were "
              + startNanos
              + ", "
              + measureStartNanos
              + ", "
              + endNanos);
    }
  }

  public static RunPhases startingAt(long startNanos, Duration warmup, Duration measure) {
    long measureStart = startNanos + warmup.toNanos();
    return new RunPhases(startNanos, measureStart, measureStart + measure.toNanos());
  }

  public boolean isMeasured(long intendedNanos) {
    return intendedNanos >= measureStartNanos;
  }

  /**
   * {@link Stamp#WARMUP} or {@link Stamp#MEASURED}, computed without a branch: the send and receive
   * loops index their per-phase state with it, so the warm-up compiles the measured phase's code.
   */
  public byte phaseOf(long intendedNanos) {
    // The sign bit of (measureStart - 1 - intended) is 1 exactly when intended >= measureStart.
    return (byte) ((measureStartNanos - 1 - intendedNanos) >>> 63);
  }
}
