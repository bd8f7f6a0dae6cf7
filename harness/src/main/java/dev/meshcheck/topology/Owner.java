package dev.meshcheck.topology;

import dev.meshcheck.scenario.Liveness;
import java.time.Instant;
import java.util.Optional;

/**
 * The JVM that started something, as a pid and a start time, so that a later run can tell whether
 * that JVM still lives even when the pid has been reused.
 */
record Owner(long pid, long startMillis) {

  static Owner currentJvm() {
    ProcessHandle self = ProcessHandle.current();
    return new Owner(self.pid(), startMillis(self).orElse(0L));
  }

  /** Parses {@link #toString()}'s form, {@code pid@startMillis}. */
  static Optional<Owner> parse(String text) {
    String[] parts = text.trim().split("@");
    try {
      return Optional.of(new Owner(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  boolean isAlive() {
    return ProcessHandle.of(pid)
        .filter(Liveness::isRunning)
        .map(p -> startMillis(p).map(start -> Math.abs(start - startMillis) < 2000).orElse(true))
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
