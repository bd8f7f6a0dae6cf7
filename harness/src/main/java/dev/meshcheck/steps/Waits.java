package dev.meshcheck.steps;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The one way the glue waits: poll a condition until it holds or a deadline passes (Awaitility, on
 * the calling thread). {@link #until} fails a Then step with what was expected and what was seen;
 * {@link #within} answers whether the condition held, for waits whose timeout is not a failure by
 * itself. A condition may act between checks (send a probe, a request) as long as it is short.
 * Stateless.
 *
 * <pre>{@code
 * Waits.until(Duration.ofSeconds(10), "'audit' receives 5 messages",
 *     () -> audit.received() >= 5, audit::describe);
 * }</pre>
 */
public final class Waits {
  /** How often a condition is polled unless a wait says otherwise. */
  static final Duration POLL_INTERVAL = Duration.ofMillis(20);

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
    if (!within(deadline, POLL_INTERVAL, condition)) {
      throw new AssertionError(
          behaviour + ": not within " + deadline.toMillis() + " ms; saw " + seen.get());
    }
  }

  /** True when {@code condition} held within {@code deadline}, polled every 20 ms. */
  static boolean within(Duration deadline, Callable<Boolean> condition) {
    return within(deadline, POLL_INTERVAL, condition);
  }

  /** True when {@code condition} held within {@code deadline}, polled every {@code interval}. */
  static boolean within(Duration deadline, Duration interval, Callable<Boolean> condition) {
    try {
      Awaitility.await()
          .atMost(deadline)
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(interval)
          .until(condition);
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }
}
