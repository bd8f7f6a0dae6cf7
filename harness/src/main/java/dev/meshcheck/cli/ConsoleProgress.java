package dev.meshcheck.cli;

import dev.meshcheck.load.LoadProgress;
import dev.meshcheck.measure.IntervalPoint;
import java.io.PrintWriter;

/**
 * A progress bar per phase on stderr, rewritten in place with {@code \r}: phase, a bar, seconds,
 * the current rate and the last second's corrected p99. Called from the ticker thread.
 */
final class ConsoleProgress implements LoadProgress {
  private static final int BAR_WIDTH = 24;

  private final PrintWriter err;
  private Phase lastPhase;

  ConsoleProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void onInterval(
      Phase phase, double elapsedSeconds, double phaseSeconds, IntervalPoint interval) {
    if (lastPhase != null && lastPhase != phase) {
      err.println();
    }
    lastPhase = phase;
    double fraction = phaseSeconds <= 0 ? 1 : Math.min(1, elapsedSeconds / phaseSeconds);
    int filled = (int) Math.round(fraction * BAR_WIDTH);
    err.printf(
        "\r%-8s [%s%s] %5.1f/%.0fs  sent %9.0f/s  delivered %9.0f/s  p99 %10.1f us  errors %d   ",
        phase.label(),
        "#".repeat(filled),
        " ".repeat(BAR_WIDTH - filled),
        elapsedSeconds,
        phaseSeconds,
        interval.sentPerSecond(),
        interval.deliveredPerSecond(),
        interval.latencyP99Micros(),
        interval.errors());
    err.flush();
  }

  synchronized void finish() {
    if (lastPhase != null) {
      err.println();
      err.flush();
    }
  }
}
