package dev.meshcheck.steps;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Waiting with a deadline for Then steps; a timeout fails with what was seen. Stateless. */
public final class Waits {
  private Waits() {}

  /**
   * Polls {@code condition} every 20 ms until it holds or {@code deadline} passes.
   *
   * @param behaviour what is expected, named in the failure ("all clients reconnected")
   * @param seen what was observed, evaluated once at the deadline for the failure message
   * @throws AssertionError at the deadline
   */
  public static void until(
      Duration deadline, String behaviour, Callable<Boolean> condition, Supplier<String> seen) {
    try {
      Awaitility.await()
          .atMost(deadline)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(20))
          .until(condition);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          behaviour + ": not within " + deadline.toMillis() + " ms; saw " + seen.get());
    }
  }
}
