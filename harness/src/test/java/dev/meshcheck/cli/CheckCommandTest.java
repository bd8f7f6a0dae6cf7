package dev.meshcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalErr;

  @BeforeEach
  void captureStderr() {
    originalErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStderr() {
    System.setErr(originalErr);
  }

  @Test
  void anUnknownTagExitsWithTwoBeforeAnyMeshIsLaunched() throws IOException {
    Path feature = Files.createDirectories(dir.resolve("team")).resolve("mine.feature");
    Files.writeString(
        feature,
        "@team\nFeature: f\n  @jetstrem\n  Scenario: s\n    Given a \"no-such-topology\" mesh\n");

    int exit =
        Main.run(
            "check",
            feature.toString(),
            "--backend",
            "processes",
            "--out",
            dir.resolve("out").toString());

    assertThat(exit).as("bad input").isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .as("one line naming file, line, the tag and the known ones; no stack trace")
        .contains(feature + ":3: field 'tags': unknown tag '@jetstrem'; known: ")
        .contains("@jetstream")
        .doesNotContain("\tat ");
  }

  @Test
  void anUndefinedStepExitsWithTwoNamingItsLineAndTheClosestStepsBeforeAnyMeshIsLaunched()
      throws IOException {
    Path feature = dir.resolve("typo.feature");
    Files.writeString(
        feature,
        "Feature: f\n  Scenario: s\n    Given a \"no-such-topology\" mesh\n"
            + "    When a subscriber \"sub\" listens on \"a.b\" at node 1\n");

    int exit =
        Main.run(
            "check",
            feature.toString(),
            "--backend",
            "processes",
            "--out",
            dir.resolve("out").toString());

    assertThat(exit).as("bad input").isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .as("the step's file and line, and the library's closest step; no stack trace")
        .contains(feature + ":4: field 'step': no step of meshcheck matches")
        .contains("'a subscriber {string} on node {node} listening to {string}'")
        .doesNotContain("\tat ");
  }
}
