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

class UpCommandTest {
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
  void aBadTopologyFileExitsWithTwoAndNamesTheField() throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "name: bad\nclusters:\n  - { name: east, nodes: 99 }\n");

    int exit = Main.run("up", file.toString(), "--backend", "processes");

    assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(stderr())
        .contains(file + ":3: field 'clusters[0].nodes': must be from 1 to 15, was 99")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void anUnknownBackendExitsWithTwo() {
    int exit = Main.run("up", "single", "--backend", "kubernetes");

    assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(stderr()).contains("unknown backend 'kubernetes'; valid: auto, containers");
  }

  @Test
  void anUnknownTopologyNameExitsWithTwo() {
    int exit = Main.run("up", "no-such-topology", "--backend", "processes");

    assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(stderr()).contains("no topology by that name").contains("cluster-3");
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
