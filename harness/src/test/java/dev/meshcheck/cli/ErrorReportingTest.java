package dev.meshcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.scenario.BadInputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** A user's mistake is one line and exit 2; a bug of the harness is a stack trace and exit 1. */
class ErrorReportingTest {
  private final StringWriter err = new StringWriter();

  @Test
  void anIllegalArgumentExceptionFromInsideACommandExitsOneWithItsStackTrace() {
    int exit = run("illegal-argument");

    assertThat(exit).as("a harness bug is no bad input").isEqualTo(ExitCodes.FAILED);
    assertThat(err.toString())
        .as("the stack trace says where the bug is")
        .contains("java.lang.IllegalArgumentException: index must be positive, was -1")
        .contains("\tat dev.meshcheck.cli.ErrorReportingTest$Throwing.call");
  }

  @Test
  void aBadInputExceptionExitsTwoWithOneLine() {
    int exit = run("bad-input");

    assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString())
        .as("one line, no stack trace")
        .isEqualTo(
            "meshcheck: mine.yaml:4: field 'clusters[0].nodes': must be from 1 to 15, was 99"
                + System.lineSeparator());
  }

  @Test
  void aBadOptionExitsTwoWithOneLineNamingTheOption() {
    int exit = run("bad-option");

    assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString())
        .isEqualTo("meshcheck: --shard: must be i/N, was '3/2'" + System.lineSeparator());
  }

  private int run(String what) {
    return Main.withErrorHandling(new CommandLine(new Throwing()))
        .setErr(new PrintWriter(err, true))
        .execute(what);
  }

  @Command(name = "throwing")
  static final class Throwing implements Callable<Integer> {
    @Parameters(index = "0")
    String what;

    @Override
    public Integer call() {
      throw switch (what) {
        case "illegal-argument" -> new IllegalArgumentException("index must be positive, was -1");
        case "bad-input" ->
            new BadInputException(
                Path.of("mine.yaml"), 4, "clusters[0].nodes", "must be from 1 to 15, was 99");
        default -> BadInputException.option("--shard", "must be i/N, was '3/2'");
      };
    }
  }
}
