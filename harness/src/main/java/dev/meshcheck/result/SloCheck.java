package dev.meshcheck.result;

import java.util.OptionalDouble;

/**
 * One SLO evaluated on one workload's merged histogram or counts.
 *
 * @param limitMicros the limit of a latency check, in microseconds
 * @param limitFraction the limit of a ratio check (error rate, loss), 0..1
 * @param observed microseconds for latency checks, a fraction for ratio checks
 */
public record SloCheck(
    String name,
    String workload,
    OptionalDouble limitMicros,
    OptionalDouble limitFraction,
    double observed,
    boolean passed) {

  /** A one-line explanation for the console and JUnit failure messages. */
  public String describe() {
    if (limitMicros.isPresent()) {
      return String.format(
          "%s of %s: observed %.1f us, limit %.1f us",
          name, workload, observed, limitMicros.getAsDouble());
    }
    return String.format(
        "%s of %s: observed %.4f%%, limit %.4f%%",
        name, workload, observed * 100, limitFraction.orElse(0) * 100);
  }
}
