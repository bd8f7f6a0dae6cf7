package dev.meshcheck.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshcheck.result.WorkloadResult;
import dev.meshcheck.scenario.ClientKind;
import dev.meshcheck.scenario.Rate;
import dev.meshcheck.scenario.Receivers;
import dev.meshcheck.scenario.Senders;
import dev.meshcheck.scenario.ServiceSpec;
import dev.meshcheck.scenario.Timing;
import dev.meshcheck.scenario.Workload;
import dev.meshcheck.scenario.WorkloadKind;
import dev.meshcheck.topology.RunningMesh;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the server refuses is said, on both clients: a server whose only user may not publish to
 * {@code denied.>} fails a fan-out there with the server's own words, and runs one elsewhere with
 * no connection error.
 */
class ConnectionErrorsIT {
  private static final LoadTuning QUICK =
      new LoadTuning(
          Duration.ofMillis(5),
          0.99,
          Duration.ofSeconds(3),
          Duration.ofSeconds(2),
          Duration.ZERO,
          0);

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(ClientKind.class)
  void aRefusedPublishIsNamedAndAnAllowedOneReportsNoError(ClientKind client) throws Exception {
    try (RunningMesh mesh = ItMeshes.launch(denyingTopology().toString())) {
      assertThatThrownBy(() -> run(mesh, fanOut("denied.events", client)))
          .hasMessageContaining("received a probe")
          .hasMessageContaining("Permissions Violation for Publish")
          .hasMessageContaining("denied.events");

      WorkloadResult allowed = run(mesh, fanOut("allowed.events", client));
      assertThat(allowed.counts().lost()).isZero();
      assertThat(allowed.errors().connectionErrors()).isZero();
      assertThat(allowed.errors().lastConnectionError()).isEmpty();
    }
  }

  /** One server; clients without credentials are user {@code load}, denied {@code denied.>}. */
  private Path denyingTopology() throws Exception {
    Files.writeString(
        dir.resolve("deny.conf"),
        """
        authorization {
          users = [ { user: load, password: secret, permissions: { publish: { deny: "denied.>" } } } ]
        }
        no_auth_user: load
        """);
    Path topology = dir.resolve("single-deny.yaml");
    Files.writeString(
        topology,
        """
        name: single-deny
        clusters:
          - { name: east, nodes: 1 }
        include: deny.conf
        """);
    return topology;
  }

  private WorkloadResult run(RunningMesh mesh, Workload workload) throws Exception {
    return new LoadRun("errors", workload, mesh, QUICK, Clock.system())
        .execute(
            dir.resolve("errors-" + System.nanoTime() + ".hlog"),
            LoadProgress.silent(),
            new AtomicBoolean());
  }

  private static Workload fanOut(String subject, ClientKind client) {
    return new Workload(
        WorkloadKind.FAN_OUT,
        subject,
        new Senders(1, Rate.perSecond(1000), OptionalLong.of(500), 128),
        new Receivers(1, new ServiceSpec("unused", 1)),
        dev.meshcheck.scenario.Placement.spread(),
        new Timing(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(2)),
        client);
  }
}
