package dev.meshcheck.scenario;

import java.time.Duration;

/**
 * How long a workload runs, and how long a request may wait.
 *
 * @param warmup how long to send before measuring
 * @param measure how long the measured phase lasts (at most)
 * @param requestTimeout how long a request may wait for its reply before it counts as a timeout
 */
public record Timing(Duration warmup, Duration measure, Duration requestTimeout) {
  public Timing {
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("warmup must not be negative, was " + warmup);
    }
    if (measure.isNegative() || measure.isZero()) {
      throw new IllegalArgumentException("duration must be positive, was " + measure);
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("request-timeout must be positive, was " + requestTimeout);
    }
  }
}
