package dev.meshcheck.load;

import java.time.Duration;

/**
 * Knobs of the generator that are not part of a scenario: the bound on send delay that makes a run
 * invalid, how long to wait for in-flight messages, and fault injection for tests (a slowed
 * subscriber with a small pending limit, to provoke loss).
 *
 * @param maxSendDelayP99 a run whose send-delay p99 exceeds this did not hold its schedule
 * @param minAchievedRateFraction a run that sent less than this fraction of its target is invalid
 * @param readyTimeout how long connections and interest may take before the run fails
 * @param drainTimeout how long to wait after the last send for deliveries still in flight
 * @param slowSubscriberDelay how long the first subscriber sleeps per message (zero: not slowed)
 * @param subscriberPendingLimit jnats pending-message limit per subscription (0: jnats default)
 */
public record LoadTuning(
    Duration maxSendDelayP99,
    double minAchievedRateFraction,
    Duration readyTimeout,
    Duration drainTimeout,
    Duration slowSubscriberDelay,
    int subscriberPendingLimit) {

  /** 5 ms send-delay p99 and 99% of the target rate: the stated validity bounds. */
  public static LoadTuning defaults() {
    return new LoadTuning(
        Duration.ofMillis(5),
        0.99,
        Duration.ofSeconds(20),
        Duration.ofSeconds(10),
        Duration.ZERO,
        0);
  }

  public LoadTuning {
    if (minAchievedRateFraction <= 0 || minAchievedRateFraction > 1) {
      throw new IllegalArgumentException(
          "minAchievedRateFraction must be in (0, 1], was " + minAchievedRateFraction);
    }
    if (subscriberPendingLimit < 0) {
      throw new IllegalArgumentException(
          "subscriberPendingLimit must be >= 0, was " + subscriberPendingLimit);
    }
  }

  /** The same, with the first subscriber slowed and its pending limit small (tests of loss). */
  public LoadTuning withSlowSubscriber(Duration delayPerMessage, int pendingLimit) {
    return new LoadTuning(
        maxSendDelayP99,
        minAchievedRateFraction,
        readyTimeout,
        drainTimeout,
        delayPerMessage,
        pendingLimit);
  }

  public LoadTuning withDrainTimeout(Duration drain) {
    return new LoadTuning(
        maxSendDelayP99,
        minAchievedRateFraction,
        readyTimeout,
        drain,
        slowSubscriberDelay,
        subscriberPendingLimit);
  }
}
