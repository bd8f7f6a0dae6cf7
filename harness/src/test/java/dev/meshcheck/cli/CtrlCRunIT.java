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
 * partial with its SLOs not judged and without the connection errors of its own shutdown, exits 130
 * (128 + SIGINT, as shells expect of a command stopped by Ctrl-C), and leaves no nats-server
 * behind. A second Ctrl-C exits at once, still killing the servers.
 */
@Tag("quiet") // bounds how soon the run stops: run alone (harness/pom.xml)
class CtrlCRunIT {
  /** A second Ctrl-C kills and halts; the first one's orderly stop takes seconds here. */
  private static final long SECOND_CTRL_C_BOUND_MILLIS = 1500;

  @TempDir Path dir;

  @Test
  void ctrlCInTheMeasuredPhaseWritesAPartialReportAndExits130() throws Exception {
    Path out = dir.resolve("run");
    Path log = dir.resolve("run.log");
    Process run = startRun(out, log);
    List<ProcessHandle> servers;
    try {
      servers = awaitMeasuringAndListServers(run, log);
      CtrlCPress.pressAndAwaitExit(run);
    } finally {
      run.destroyForcibly();
    }

    String output = Files.readString(log);
    assertThat(run.exitValue()).as(output).isEqualTo(130);
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.path("status").asText()).isEqualTo("partial");
    JsonNode workload = summary.path("workloads").get(0);
    assertThat(workload.path("sent").asLong())
        .as("what was measured before Ctrl-C is kept")
        .isPositive();
    assertThat(workload.path("connection_errors").asLong())
        .as(
            "connection errors of jnats clients whose servers the harness itself stopped; %s",
            workload.path("last_connection_error"))
        .isZero();
    assertThat(summary.path("slo_judged").asBoolean()).isFalse();
    assertThat(output)
        .as("a p99 limit of 1 us would fail if judged")
        .contains("SLO not judged (run partial) p99")
        .doesNotContain("SLO FAIL");
    assertThat(Files.readString(out.resolve("slo-junit.xml")))
        .doesNotContain("<failure")
        .contains("run is partial: stopped (Ctrl-C or SIGTERM) before it ended");
    assertThat(servers).as("no nats-server outlives the run").noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void aSecondCtrlCExitsAtOnceAndStillStopsTheServers() throws Exception {
    Path log = dir.resolve("run.log");
    Process run = startRun(dir.resolve("run"), log);
    List<ProcessHandle> servers;
    long afterSecondMillis;
    try {
      servers = awaitMeasuringAndListServers(run, log);
      CtrlCPress.press(run);
      Thread.sleep(200);
      CtrlCPress.press(run);
      long second = System.nanoTime();
      assertThat(run.waitFor(CtrlCPress.EXIT_BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
      afterSecondMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - second);
      System.out.printf("second Ctrl-C to exit: %d ms%n", afterSecondMillis);
    } finally {
      run.destroyForcibly();
    }

    String output = Files.readString(log);
    assertThat(run.exitValue()).as(output).isEqualTo(130);
    assertThat(output).contains("meshcheck: second Ctrl-C: stopped at once");
    assertThat(afterSecondMillis)
        .as("exit after the second Ctrl-C, in ms")
        .isLessThan(SECOND_CTRL_C_BOUND_MILLIS);
    assertThat(servers).as("nats-servers a second Ctrl-C left").noneMatch(ProcessHandle::isAlive);
  }

  /** 60 s of request-reply over jnats, whose clients report a server that goes away as errors. */
  private Process startRun(Path out, Path log) throws Exception {
    Path scenario =
        Files.writeString(
            dir.resolve("ctrl-c.yaml"),
            "name: ctrl-c\ntopology: cluster-3\nworkload: { kind: request-reply, client: jnats,"
                + " subject: svc.int, service: { members: 1 }, clients: 1, rate: 500/s, warmup:"
                + " 1s, duration: 60s }\nslo: { p99: 1us }\n");
    return new ProcessBuilder(
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
  }

  private static List<ProcessHandle> awaitMeasuringAndListServers(Process run, Path log)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && run.isAlive()) {
      if (Files.exists(log) && Files.readString(log).contains("measure ")) {
        List<ProcessHandle> servers =
            run.descendants()
                .filter(p -> p.info().command().orElse("").endsWith("nats-server"))
                .toList();
        assertThat(servers).as("the run's three nats-servers").hasSize(3);
        return servers;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the run never reached its measured phase:\n" + Files.readString(log));
  }
}
