package dev.meshcheck.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario's {@code faults:} list: read in time order, and bad steps named by file and line. */
class FaultTimelineFilesTest {
  private static final String HEAD =
      """
      name: f
      topology: supercluster-2x3
      workload: { kind: request-reply, subject: a.b, service: { queue: w, members: 3 }, clients: 1, rate: 100/s, warmup: 1s, duration: 20s }
      faults:
      """;

  private final ProjectLayout layout = ProjectLayout.discover();
  @TempDir Path dir;

  @Test
  void readsEveryActionInTimeOrder() throws IOException {
    LoadScenario s =
        load(
            HEAD
                + """
                  - { at: 12s, action: restart, node: east-2 }
                  - { at: 2s, action: kill, node: 2 }
                  - { at: 3s, action: latency, link: route 4 5, latency: 50ms, jitter: 5ms }
                  - { at: 4s, action: latency, link: route 4 5, latency: off }
                  - { at: 5s, action: partition, link: gateway east west }
                  - { at: 6s, action: heal, link: gateway east west }
                  - { at: 7s, action: partition, node: 6 }
                  - { at: 8s, action: heal, node: 6 }
                  - { at: 9s, action: reset, link: clients 4 }
                  - { at: 10s, action: pause, node: 3 }
                  - { at: 11s, action: resume, node: 3 }
                  - { at: 13s, action: lame-duck, node: west-3 }
                """);
    List<FaultStep> faults = s.faults();
    assertThat(faults).extracting(FaultStep::at).isSorted();
    assertThat(faults)
        .extracting(FaultStep::describe)
        .containsExactly(
            "kill node 2",
            "latency 50ms on route 4 5",
            "latency off on route 4 5",
            "partition gateway east west",
            "heal gateway east west",
            "partition node 6",
            "heal node 6",
            "reset clients 4",
            "pause node 3",
            "resume node 3",
            "restart node east-2",
            "lame-duck node west-3");
    FaultStep latency = faults.get(1);
    assertThat(latency.latency()).hasValue(Duration.ofMillis(50));
    assertThat(latency.jitter()).isEqualTo(Duration.ofMillis(5));
    assertThat(latency.link()).hasValue(new LinkRef(LinkRef.Kind.ROUTE, List.of("4", "5")));
    assertThat(faults.get(2).latency()).as("off").isEqualTo(Optional.empty());
    assertThat(s.withTopology(s.topology()).faults()).isEqualTo(faults);
  }

  @Test
  void aScenarioWithoutFaultsHasAnEmptyTimeline() throws IOException {
    assertThat(load(HEAD.replace("faults:\n", "")).faults()).isEmpty();
  }

  @Test
  void badStepsNameFileLineAndField() throws IOException {
    assertError(
        "  - { at: 2s, action: explode, node: 1 }\n",
        5,
        "faults[0].action",
        "must be one of kill, pause");
    assertError("  - { at: 2s, action: kill }\n", 5, "faults[0]", "kill needs node:");
    assertError(
        "  - { at: 2s, action: kill, node: 1, link: route 1 2 }\n",
        5,
        "faults[0].link",
        "acts on a node");
    assertError(
        "  - { at: 2s, action: kill, node: 9 }\n",
        5,
        "faults[0].node",
        "names no node of topology 'supercluster-2x3' (nodes 1..6");
    assertError("  - { at: 2s, action: partition }\n", 5, "faults[0]", "needs either node:");
    assertError(
        "  - { at: 2s, action: latency, link: route 1 2 }\n",
        5,
        "faults[0]",
        "latency needs latency:");
    assertError(
        "  - { at: 2s, action: latency, link: road 1 2, latency: 5ms }\n",
        5,
        "faults[0].link",
        "must be a link such as 'route 1 2'");
    assertError(
        "  - { at: 2s, action: latency, link: route 1, latency: 5ms }\n",
        5,
        "faults[0].link",
        "'route' takes two names");
    assertError(
        "  - { at: 2s, action: latency, link: route 1 2, latency: 5ms, jitter: 9ms }\n",
        5,
        "faults[0].jitter",
        "must be at most the latency");
    assertError(
        "  - { at: 2s, action: kill, node: 1, latency: 5ms }\n",
        5,
        "faults[0].latency",
        "only the latency action");
    assertError(
        "  - { at: 2s, action: partition, link: gateway east north }\n",
        5,
        "faults[0].link",
        "names no cluster of topology 'supercluster-2x3' (clusters: east, west), was 'north'");
    assertError(
        "  - { at: 20s, action: kill, node: 1 }\n",
        5,
        "faults[0].at",
        "must fall inside the measured phase (duration 20.0s)");
    assertError(
        "  - { at: soon, action: kill, node: 1 }\n", 5, "faults[0].at", "must be a duration");
    assertError(
        "  - { at: 2s, action: resume, node: 1 }\n",
        5,
        "faults[0].action",
        "which no earlier step paused");
    assertError(
        "  - { at: 2s, action: kill, node: 1, when: now }\n", 5, "faults[0].when", "unknown field");
  }

  private void assertError(String steps, int line, String field, String hint) throws IOException {
    Path file = write(HEAD + steps);
    assertThatThrownBy(() -> LoadScenarioFiles.load(file, layout))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(file + ":" + line)
        .hasMessageContaining("field '" + field + "'")
        .hasMessageContaining(hint);
  }

  private LoadScenario load(String yaml) throws IOException {
    return LoadScenarioFiles.load(write(yaml), layout);
  }

  private Path write(String yaml) throws IOException {
    Path file = Files.createTempFile(dir, "scenario", ".yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
