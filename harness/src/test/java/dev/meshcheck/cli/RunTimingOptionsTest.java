package dev.meshcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --warmup/--duration}: a bad value, or one that cuts off the fault timeline, is bad
 * input found before anything starts (the README's commands run shipped scenarios shortened).
 */
class RunTimingOptionsTest {
  private static final String KILL_NODE =
      ShardProcesses.root()
          .resolve("scenarios/request-reply-3svc-1krps-cluster3-kill-node.yaml")
          .toString();

  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  @Test
  void aDurationThatIsNoDurationExitsTwoAndSaysWhatIsValid() {
    int exit = run("run", KILL_NODE, "--duration", "soon", "--out", dir.toString());

    assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("--duration").contains("such as 250us, 2ms, 5s or 1m");
  }

  @Test
  void aZeroDurationExitsTwo() {
    int exit = run("run", KILL_NODE, "--duration", "0s", "--out", dir.toString());

    assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("--duration must be longer than 0s");
  }

  @Test
  void aDurationThatEndsBeforeAFaultStepExitsTwoNamingTheStep() {
    int exit = run("run", KILL_NODE, "--duration", "8s", "--out", dir.toString());

    assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString())
        .as("the timeline restarts node 2 at 11s")
        .contains("--duration 8s ends the measured phase before the fault timeline's step at 11s")
        .doesNotContain("\tat ");
  }

  private int run(String... args) {
    return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
  }
}
