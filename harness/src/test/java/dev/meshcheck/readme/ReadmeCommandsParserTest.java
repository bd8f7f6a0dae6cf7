package dev.meshcheck.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link ReadmeCommands} takes for a command, and what it leaves alone. */
class ReadmeCommandsParserTest {
  @Test
  void everyLineOfAShellBlockIsACommandWithContinuationsJoinedAndCommentsDropped() {
    List<ReadmeCommand> commands =
        ReadmeCommands.in(
            List.of(
                "Intro.",
                "",
                "```bash",
                "# set up first",
                "bash scripts/setup-host.sh && mvn -B package   # two commands",
                "java -jar meshcheck.jar run a.yaml \\",
                "    --out   DIR",
                "java -jar meshcheck.jar check --tags \"@a and not #b\"",
                "```"));

    assertThat(commands)
        .extracting(ReadmeCommand::text, ReadmeCommand::line, ReadmeCommand::inline)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("bash scripts/setup-host.sh", 5, false),
            org.assertj.core.groups.Tuple.tuple("mvn -B package", 5, false),
            org.assertj.core.groups.Tuple.tuple(
                "java -jar meshcheck.jar run a.yaml --out DIR", 6, false),
            org.assertj.core.groups.Tuple.tuple(
                "java -jar meshcheck.jar check --tags \"@a and not #b\"", 8, false));
  }

  @Test
  void anUnlabelledBlockGivesOnlyTheLinesThatStartWithAProgram() {
    List<ReadmeCommand> commands =
        ReadmeCommands.in(
            List.of(
                "```",
                "node east-1 cluster=east client=nats://127.0.0.1:4222",
                "docker/build-local-image.sh   # prints the image id",
                "```",
                "```text",
                "java -jar meshcheck.jar shown as output",
                "```",
                "```yaml",
                "name: java -jar no",
                "```"));

    assertThat(commands)
        .extracting(ReadmeCommand::text)
        .containsExactly("docker/build-local-image.sh");
  }

  @Test
  void codeInASentenceIsACommandWhenItStartsWithAProgramAndHasArgumentsEvenAcrossALineBreak() {
    List<ReadmeCommand> commands =
        ReadmeCommands.in(
            List.of(
                "Run `mvn verify` or `meshcheck check`, see `scripts/setup-host.sh` and",
                "`java -jar meshcheck.jar run",
                "request-reply-1svc-1krps-single` from anywhere.",
                "",
                "`kubectl` alone is a name."));

    assertThat(commands)
        .extracting(ReadmeCommand::text, ReadmeCommand::line, ReadmeCommand::inline)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("mvn verify", 1, true),
            org.assertj.core.groups.Tuple.tuple(
                "java -jar meshcheck.jar run request-reply-1svc-1krps-single", 2, true));
  }

  @Test
  void aRunDropsTheOptionalPartsItDoesNotFillAndAddsItsShortRunOptions() {
    Coverage.Runs run =
        Coverage.runs("java -jar m.jar run s.yaml [--topology t] [--out DIR] --x \"a b\"")
            .replacing("[--out DIR]", "--out {tmp}/run")
            .adding("--duration", "2s");

    assertThat(run.arguments())
        .containsExactly(
            "java",
            "-jar",
            "m.jar",
            "run",
            "s.yaml",
            "--out",
            "{tmp}/run",
            "--x",
            "a b",
            "--duration",
            "2s");
    assertThat(run.variables()).containsExactly("tmp");
  }
}
