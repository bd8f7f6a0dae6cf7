package dev.meshcheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar meshcheck.jar <command>}: the entry point of the command line. */
@Command(
    name = "meshcheck",
    mixinStandardHelpOptions = true,
    version = "meshcheck 0.1.0",
    description = "Conformance and load testing for NATS meshes.",
    subcommands = {
      UpCommand.class,
      CheckCommand.class,
      StepsCommand.class,
      RunCommand.class,
      MatrixCommand.class,
      CompareCommand.class,
      MergeCommand.class,
      K8sCommand.class,
      JmhCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {

  public static void main(String[] args) {
    SecondCtrlC.install();
    System.exit(run(args));
  }

  /** Runs a command and returns its exit code (see {@link ExitCodes}). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** As {@link #run}, printing to {@code out} and {@code err} instead of the console. */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    return commandLine().setOut(out).setErr(err).execute(args);
  }

  private static CommandLine commandLine() {
    return withErrorHandling(new CommandLine(new Main()));
  }

  /** How every command reports what goes wrong: see {@link UserErrorHandler}, {@link ExitCodes}. */
  static CommandLine withErrorHandling(CommandLine commandLine) {
    return commandLine
        .setExecutionExceptionHandler(new UserErrorHandler())
        .setExitCodeExceptionMapper(ExitCodes::forException);
  }
}
