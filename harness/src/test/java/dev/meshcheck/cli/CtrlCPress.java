package dev.meshcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

/** Ctrl-C as a terminal sends it, to a {@code meshcheck} process a test started. */
final class CtrlCPress {
  /** How soon an interrupted command must have exited: its orderly stop takes seconds here. */
  static final long EXIT_BOUND_SECONDS = 20;

  private CtrlCPress() {}

  /** Sends SIGINT to {@code process}. */
  static void press(Process process) throws Exception {
    new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
  }

  /**
   * Sends SIGINT, asserts that {@code process} exits within {@link #EXIT_BOUND_SECONDS}, and prints
   * how long that took.
   */
  static void pressAndAwaitExit(Process process) throws Exception {
    press(process);
    long signalled = System.nanoTime();
    assertThat(process.waitFor(EXIT_BOUND_SECONDS, TimeUnit.SECONDS))
        .as("stopped within %d s of Ctrl-C", EXIT_BOUND_SECONDS)
        .isTrue();
    System.out.printf(
        "Ctrl-C to exit: %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled));
  }
}
