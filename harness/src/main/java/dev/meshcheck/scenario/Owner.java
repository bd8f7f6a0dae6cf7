package dev.meshcheck.scenario;

import java.time.Instant;
import java.util.Optional;

/**
 * The JVM that started something (servers, containers, temp folders), as a pid and a start time, so
 * that a later run can tell whether that JVM still lives even when the pid has been reused, and
 * remove only what a dead one left.
 */
public record Owner(long pid, long startMillis) {
  /** Start times read twice may differ by rounding; a reused pid starts much later. */
  private static final long SAME_START_MILLIS = 2000;

  public static Owner currentJvm() {
    ProcessHandle self = ProcessHandle.current();
    return new Owner(self.pid(), startMillis(self).orElse(0L));
  }

  /** Parses {@link #toString()}'s form, {@code pid@startMillis}. */
  public static Optional<Owner> parse(String text) {
    String[] parts = text.trim().split("@");
    try {
      return Optional.of(new Owner(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * True while the pid runs and started when the owner did; a running pid whose start time cannot
   * be read counts as the owner, so that nothing of a live run is ever removed.
   */
  public boolean isAlive() {
    return ProcessHandle.of(pid)
        .filter(Liveness::isRunning)
        .map(
            p ->
                startMillis(p)
                    .map(start -> Math.abs(start - startMillis) < SAME_START_MILLIS)
                    .orElse(true))
        .orElse(false);
  }

  @Override
  public String toString() {
    return pid + "@" + startMillis;
  }

  private static Optional<Long> startMillis(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli);
  }
}
