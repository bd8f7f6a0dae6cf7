package dev.meshcheck.cli;

import dev.meshcheck.load.LoadProgress;
import dev.meshcheck.measure.IntervalPoint;
import java.io.PrintWriter;

/**
 * A progress bar per phase on stderr: phase, a bar, seconds, the current rate and the last second's
 * corrected p99. On a terminal the line is rewritten in place with {@code \r}; elsewhere (a CI log)
 * one whole line is printed at each phase's first second, then every {@value #LOG_EVERY_SECONDS}
 * seconds and at its end, so the log holds readable lines instead of one line of carriage returns.
 * Called from the ticker thread.
 */
final class ConsoleProgress implements LoadProgress {
  private static final int BAR_WIDTH = 24;
  static final int LOG_EVERY_SECONDS = 5;

  private final PrintWriter err;
  private final boolean inPlace;
  private Phase lastPhase;
  private double lastLoggedSeconds;

  /** In place when the JVM has a terminal (stdin and stdout both are one). */
  ConsoleProgress(PrintWriter err) {
    this(err, System.console() != null);
  }

  ConsoleProgress(PrintWriter err, boolean inPlace) {
    this.err = err;
    this.inPlace = inPlace;
  }

  @Override
  public synchronized void onInterval(
      Phase phase, double elapsedSeconds, double phaseSeconds, IntervalPoint interval) {
    boolean newPhase = lastPhase != phase;
    if (inPlace && lastPhase != null && newPhase) {
      err.println();
    }
    lastPhase = phase;
    if (newPhase) {
      lastLoggedSeconds = 0;
    }
    double fraction = phaseSeconds <= 0 ? 1 : Math.min(1, elapsedSeconds / phaseSeconds);
    if (!inPlace) {
      // Each phase's first second too: scripts wait for "measure  [" to know the phase began.
      boolean due = newPhase || elapsedSeconds - lastLoggedSeconds >= LOG_EVERY_SECONDS - 0.05;
      if (!due && fraction < 1) {
        return;
      }
      lastLoggedSeconds = elapsedSeconds;
    }
    int filled = (int) Math.round(fraction * BAR_WIDTH);
    err.printf(
        (inPlace ? "\r" : "")
            + "%-8s [%s%s] %5.1f/%.0fs  sent %9.0f/s  delivered %9.0f/s  p99 %10.1f us  errors %d"
            + (inPlace ? "   " : "%n"),
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
    if (inPlace && lastPhase != null) {
      err.println();
      err.flush();
    }
  }
}
