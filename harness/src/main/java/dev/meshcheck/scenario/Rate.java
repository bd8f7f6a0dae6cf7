package dev.meshcheck.scenario;

/**
 * A target send rate over all publishers or clients of a workload, or {@link #max()}: as fast as
 * the generator can (for request-reply: closed loop, each client sends its next request when the
 * last is answered).
 *
 * @param messagesPerSecond the target, or 0 for max
 */
public record Rate(long messagesPerSecond) {
  public Rate {
    if (messagesPerSecond < 0) {
      throw new IllegalArgumentException(
          "messagesPerSecond must be positive (or 0 for max), was " + messagesPerSecond);
    }
  }

  public static Rate max() {
    return new Rate(0);
  }

  public static Rate perSecond(long messagesPerSecond) {
    if (messagesPerSecond == 0) {
      throw new IllegalArgumentException("a rate of 0/s sends nothing; use max or a positive rate");
    }
    return new Rate(messagesPerSecond);
  }

  public boolean isMax() {
    return messagesPerSecond == 0;
  }

  @Override
  public String toString() {
    return isMax() ? "max" : messagesPerSecond + "/s";
  }
}
