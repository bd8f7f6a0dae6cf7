package dev.meshcheck.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadScenarioFilesTest {
  private final ProjectLayout layout = ProjectLayout.discover();
  @TempDir Path dir;

  @Test
  void everyShippedScenarioParsesAndTheyCoverEveryKindAndTopology() throws IOException {
    List<LoadScenario> scenarios;
    try (Stream<Path> files = Files.list(layout.scenarios())) {
      scenarios =
          files
              .filter(f -> f.toString().endsWith(".yaml"))
              .map(f -> LoadScenarioFiles.load(f, layout))
              .toList();
    }
    assertThat(scenarios).hasSizeGreaterThanOrEqualTo(6);
    assertThat(scenarios).extracting(s -> s.workload().kind()).contains(WorkloadKind.values());
    assertThat(scenarios)
        .extracting(s -> s.topology().name())
        .contains("single", "cluster-3", "supercluster-2x3");
  }

  @Test
  void readsEveryField() throws IOException {
    LoadScenario s =
        load(
            """
            name: rr
            topology: cluster-3
            workload:
              kind: request-reply
              subject: svc.orders.create
              service: { queue: workers, members: 3 }
              clients: 4
              rate: 5000/s
              messages: 100
              payload: 1KiB
              warmup: 5s
              duration: 30s
            slo: { p99: 2ms, p999: 10ms, max-error-rate: 0.1% }
            """);
    Workload w = s.workload();
    assertThat(w.senders().rate().messagesPerSecond()).isEqualTo(5000);
    assertThat(w.senders().count()).isEqualTo(4);
    assertThat(w.senders().ratePerSender()).isEqualTo(1250);
    assertThat(w.senders().payloadBytes()).isEqualTo(1024);
    assertThat(w.senders().messagesEach()).hasValue(100);
    assertThat(w.receivers().service()).isEqualTo(new ServiceSpec("workers", 3));
    assertThat(w.timing().warmup()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.topology().clusters()).hasSize(1);
    assertThat(s.slo().limits())
        .containsExactly(
            new Slo.LatencyLimit("p99", 99, Duration.ofMillis(2)),
            new Slo.LatencyLimit("p999", 99.9, Duration.ofMillis(10)),
            new Slo.RatioLimit("max-error-rate", Slo.RatioKind.ERROR_RATE, 0.001));
  }

  @Test
  void maxRateMeansNoTarget() throws IOException {
    LoadScenario s =
        load(
            "name: f\ntopology: single\nworkload: { kind: fan-out, subject: a.b, subscribers: 4, rate: max }\n");
    assertThat(s.workload().senders().rate().isMax()).isTrue();
    assertThat(s.slo().limits()).isEmpty();
    assertThat(s.workload().client()).as("default client").isEqualTo(ClientKind.WIRE);
  }

  @Test
  void jnatsStaysSelectableForWhatAJavaServiceSees() throws IOException {
    LoadScenario s =
        load(
            "name: j\ntopology: single\nworkload:\n  kind: request-reply\n  subject: a\n"
                + "  service: { members: 1 }\n  rate: 1000/s\n  client: jnats\n");
    assertThat(s.workload().client()).isEqualTo(ClientKind.JNATS);
  }

  @Test
  void fanOutKindsMayUseTheWireClient() throws IOException {
    LoadScenario s =
        load(
            "name: f\ntopology: single\nworkload: { kind: queue-fan-out, subject: a.b, service: {"
                + " members: 2 }, rate: max, client: wire }\n");
    assertThat(s.workload().client()).isEqualTo(ClientKind.WIRE);
  }

  @Test
  void requestReplyMayUseTheWireClient() throws IOException {
    LoadScenario s =
        load(
            "name: x\ntopology: single\nworkload:\n  kind: request-reply\n  subject: a\n"
                + "  service: { members: 1 }\n  rate: max\n  client: wire\n");
    assertThat(s.workload().client()).isEqualTo(ClientKind.WIRE);
  }

  @Test
  void unknownClientsAreNamedWithTheValidOnes() throws IOException {
    assertError(
        "name: x\ntopology: single\nworkload:\n  kind: fan-out\n  subject: a\n  rate: max\n"
            + "  client: netty\n",
        7,
        "workload.client",
        "wire");
  }

  @Test
  void badValuesNameFileLineAndField() throws IOException {
    assertError(
        "name: x\ntopology: single\nworkload:\n  kind: fan-out\n  subject: a\n  rate: fast\n",
        6,
        "workload.rate",
        "5000/s");
    assertError(
        "name: x\ntopology: single\nworkload:\n  kind: fan-out\n  subject: a\n  rate: max\n  payload: 8B\n",
        7,
        "workload.payload",
        "32B");
    assertError(
        "name: x\ntopology: single\nworkload:\n  kind: fan-out\n  subject: a\n  rate: max\n  clients: 3\n",
        7,
        "workload.clients",
        "only applies to request-reply");
    assertError(
        "name: x\ntopology: nowhere\nworkload: { kind: fan-out, subject: a, rate: max }\n",
        2,
        "topology",
        "known: ");
    assertError(
        "name: x\ntopology: single\nworkload: { kind: request-reply, subject: a, rate: max }\n",
        3,
        "workload.service",
        "required");
    assertError(
        "name: x\ntopology: single\nworkload: { kind: fan-out, subject: 'a.*', rate: max }\n",
        3,
        "workload.subject",
        "without wildcards");
    assertError(
        "name: x\ntopology: single\nworkload: { kind: fan-out, subject: a, rate: max }\nslo: { p99: soon }\n",
        4,
        "slo.p99",
        "duration");
    assertError(
        "name: x\ntopology: single\nworkload: { kind: fan-out, subject: a, rate: max }\nslo: { max-loss: 120% }\n",
        4, "slo.max-loss", "0% to 100%");
    assertError(
        "name: x\ntopology: single\nworkload: { kind: fan-out, subject: a, rate: 99999999999999999999/s }\n",
        3,
        "workload.rate",
        "5000/s");
    assertError(
        "name: x\ntopology: single\nworkload: { kind: fan-out, subject: a, rate: max, payload: 99999999999999999999B }\n",
        3,
        "workload.payload",
        "8MiB");
  }

  private void assertError(String yaml, int line, String field, String hint) throws IOException {
    Path file = write(yaml);
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
