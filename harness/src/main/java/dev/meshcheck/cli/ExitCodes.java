package dev.meshcheck.cli;

import dev.meshcheck.scenario.BadInputException;
import picocli.CommandLine.ParameterException;

/** The exit codes of every command. */
public final class ExitCodes {
  public static final int OK = 0;

  /** A scenario failed, or the harness could not do its job. */
  public static final int FAILED = 1;

  /** The user's input (a file, an option) is wrong. */
  public static final int BAD_INPUT = 2;

  /** An SLO or a regression threshold was breached. */
  public static final int THRESHOLD_BREACHED = 99;

  private ExitCodes() {}

  /**
   * Only input the code has judged wrong is bad input: an {@link IllegalArgumentException} that
   * reaches the command line is a bug of the harness, and exits 1 like any other.
   */
  static int forException(Throwable error) {
    if (error instanceof BadInputException || error instanceof ParameterException) {
      return BAD_INPUT;
    }
    return FAILED;
  }
}
