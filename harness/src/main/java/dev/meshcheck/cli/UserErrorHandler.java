package dev.meshcheck.cli;

import dev.meshcheck.scenario.BadInputException;
import dev.meshcheck.topology.MeshStartException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a user's mistake (bad file, bad option, a backend that cannot run here) and a mesh that
 * would not start as one line, and anything else, which is the harness's own fault, with its full
 * stack trace.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception error, CommandLine cmd, ParseResult parsed) {
    if (error instanceof BadInputException || error instanceof MeshStartException) {
      cmd.getErr().println("meshcheck: " + error.getMessage());
    } else {
      error.printStackTrace(cmd.getErr());
    }
    cmd.getErr().flush();
    return ExitCodes.forException(error);
  }
}
