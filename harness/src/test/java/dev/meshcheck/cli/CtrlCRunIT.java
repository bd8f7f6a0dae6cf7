package dev.meshcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code meshcheck run}: the run stops within seconds, leaves its report marked
 * partial, exits 130 (128 + SIGINT, as shells expect of a command stopped by Ctrl-C), and leaves no
 * nats-server behind.
 */
@Tag("quiet") // bounds how soon the run stops: run alone (harness/pom.xml)
class CtrlCRunIT {
  private static final long EXIT_BOUND_SECONDS = 20;

  @TempDir Path dir;

  @Test
  void ctrlCInTheMeasuredPhaseWritesAPartialReportAndExits130() throws Exception {
    Path scenario =
        Files.writeString(
            dir.resolve("ctrl-c.yaml"),
            "name: ctrl-c\ntopology: cluster-3\nworkload: { kind: request-reply, subject: svc.int,"
                + " service: { members: 1 }, clients: 1, rate: 500/s, warmup: 1s, duration: 60s }\n"
                + "slo: { p99: 1s }\n");
    Path out = dir.resolve("run");
    Path log = dir.resolve("run.log");
    Process run =
        new ProcessBuilder(
                List.of(
                    ShardProcesses.javaBinary(),
                    "-jar",
                    ShardProcesses.jar().toString(),
                    "run",
                    scenario.toString(),
                    "--backend",
                    "processes",
                    "--out",
                    out.toString()))
            .directory(ShardProcesses.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    List<ProcessHandle> servers;
    try {
      awaitMeasuring(run, log);
      servers =
          run.descendants()
              .filter(p -> p.info().command().orElse("").endsWith("nats-server"))
              .toList();
      assertThat(servers).as("the run's three nats-servers").hasSize(3);
      new ProcessBuilder("kill", "-INT", String.valueOf(run.pid())).start().waitFor();
      long signalled = System.nanoTime();
      assertThat(run.waitFor(EXIT_BOUND_SECONDS, TimeUnit.SECONDS))
          .as("stopped within %d s of Ctrl-C", EXIT_BOUND_SECONDS)
          .isTrue();
      System.out.printf(
          "Ctrl-C to exit: %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled));
    } finally {
      run.destroyForcibly();
    }

    assertThat(run.exitValue()).as(Files.readString(log)).isEqualTo(130);
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.path("status").asText()).isEqualTo("partial");
    assertThat(summary.path("workloads").get(0).path("sent").asLong())
        .as("what was measured before Ctrl-C is kept")
        .isPositive();
    assertThat(servers).as("no nats-server outlives the run").noneMatch(ProcessHandle::isAlive);
  }

  private static void awaitMeasuring(Process run, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && run.isAlive()) {
      if (Files.exists(log) && Files.readString(log).contains("measure ")) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the run never reached its measured phase:\n" + Files.readString(log));
  }
}
