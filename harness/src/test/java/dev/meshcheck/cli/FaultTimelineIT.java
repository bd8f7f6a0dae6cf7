package dev.meshcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshcheck.scenario.ProjectLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code meshcheck run} with a fault timeline: the shipped kill-a-node scenario on the processes
 * backend applies each fault at about its time, and summary.json says what each cost; a fault the
 * backend cannot do is refused before anything starts (exit 2, naming the fault and the backend).
 */
@Tag("quiet") // bounds how late a fault may start: run alone (harness/pom.xml)
class FaultTimelineIT {
  private static final String KILL_SCENARIO = "request-reply-3svc-1krps-cluster3-kill-node.yaml";

  /** A loaded machine may start a fault late, never early; this bounds how late. */
  private static final double LATE_SECONDS = 2.0;

  private final ProjectLayout layout = ProjectLayout.discover();
  @TempDir Path dir;

  @Test
  void theKillScenarioKillsAndRestartsOnScheduleAndReportsWhatEachCost() throws Exception {
    Path out = dir.resolve("kill");
    int exit =
        Main.run(
            "run",
            layout.scenarios().resolve(KILL_SCENARIO).toString(),
            "--backend",
            "processes",
            "--out",
            out.toString());
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.path("problems")).as("no harness problem").isEmpty();
    assertThat(exit).as("no SLO: passed, or invalid on a starved machine").isIn(0, 1);

    JsonNode events = summary.path("events");
    assertThat(events).hasSize(2);
    assertEvent(events.get(0), "kill node 2", 5);
    assertEvent(events.get(1), "restart node 2", 11);

    JsonNode recovery = summary.path("recovery");
    assertThat(recovery).as("one per event").hasSize(2);
    JsonNode kill = recovery.get(0);
    assertThat(kill.path("fault").asText()).isEqualTo("kill node 2");
    assertThat(kill.path("baseline_delivered_per_sec").asDouble())
        .as("the level before the kill: about the 1000/s asked for")
        .isBetween(500.0, 1500.0);
    assertThat(kill.path("recovery_s").isNumber() || kill.path("unrecovered_reason").isTextual())
        .as("a recovery time, or why there is none: " + kill)
        .isTrue();
    assertThat(kill.path("reconnects"))
        .as("the client and the member that were on node 2 reconnected elsewhere")
        .isNotEmpty();
    for (JsonNode r : kill.path("reconnects")) {
      assertThat(r.path("at_s").asDouble()).isBetween(5.0, 11.0 + LATE_SECONDS);
      assertThat(r.path("took_ms").asDouble()).isPositive();
    }
    assertThat(kill.path("failed_by_kind").has("timeout")).isTrue();
  }

  @Test
  void aFaultTheBackendCannotDoIsRefusedBeforeTheRunNamingFaultAndBackend() throws Exception {
    Path scenario = dir.resolve("route-latency.yaml");
    Files.writeString(
        scenario,
        """
        name: route-latency
        topology: cluster-3
        workload: { kind: request-reply, subject: a.b, service: { members: 1 }, clients: 1, rate: 10/s, warmup: 1s, duration: 5s }
        faults:
          - { at: 1s, action: latency, link: route 1 2, latency: 20ms }
        """);
    String err = runCapturingErr(scenario, "--backend", "external", "--url", "nats://127.0.0.1:9");
    assertThat(lastExit).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err)
        .contains(scenario + ":5")
        .contains("faults[0].link")
        .contains("cannot apply 'latency 20ms on route 1 2'")
        .contains("external")
        .doesNotContain("Exception");
    assertThat(dir.resolve("out-route-latency").resolve("summary.json"))
        .as("nothing ran")
        .doesNotExist();

    Path kill = dir.resolve("kill.yaml");
    Files.writeString(
        kill,
        Files.readString(scenario)
            .replace("action: latency, link: route 1 2, latency: 20ms", "action: kill, node: 2"));
    String killErr = runCapturingErr(kill, "--backend", "external", "--url", "nats://127.0.0.1:9");
    assertThat(lastExit).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(killErr)
        .contains("faults[0].action")
        .contains("cannot apply 'kill node 2': the external backend cannot kill a node");
  }

  private int lastExit;

  private String runCapturingErr(Path scenario, String... options) {
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      String[] args = new String[options.length + 4];
      args[0] = "run";
      args[1] = scenario.toString();
      System.arraycopy(options, 0, args, 2, options.length);
      args[options.length + 2] = "--out";
      args[options.length + 3] =
          dir.resolve("out-" + scenario.getFileName().toString().replace(".yaml", "")).toString();
      lastExit = Main.run(args);
    } finally {
      System.setErr(original);
    }
    return err.toString(StandardCharsets.UTF_8);
  }

  private static void assertEvent(JsonNode event, String fault, double plannedSeconds) {
    assertThat(event.path("fault").asText()).isEqualTo(fault);
    assertThat(event.path("planned_s").asDouble()).isEqualTo(plannedSeconds);
    assertThat(event.path("at_s").asDouble())
        .as("%s applied at about its time, never early", fault)
        .isBetween(plannedSeconds, plannedSeconds + LATE_SECONDS);
    assertThat(event.path("problem").isNull()).as("%s: %s", fault, event.path("problem")).isTrue();
  }
}
