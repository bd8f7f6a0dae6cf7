package dev.meshcheck.topology;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.scenario.TopologyFiles;
import dev.meshcheck.topology.faults.LinkFaultKind;
import dev.meshcheck.topology.faults.LinkKind;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Launchers for the integration tests; skips, with the reason, where a backend cannot run. */
final class TestMeshes {
  /** The backends that launch meshes themselves, so that faults and cleanup can be tested. */
  static final List<Backend> LAUNCHING_BACKENDS = List.of(Backend.CONTAINERS, Backend.PROCESSES);

  static final List<String> TOPOLOGIES =
      List.of("single", "cluster-3", "supercluster-2x3", "leaf-hub", "cluster-3-jetstream");

  private TestMeshes() {}

  static MeshLauncher launcher(Backend backend) {
    LauncherSettings settings = LauncherSettings.fromEnvironment();
    if (backend == Backend.CONTAINERS) {
      Optional<String> reason = MeshLaunchers.containersUnavailableReason(settings);
      assumeTrue(reason.isEmpty(), () -> "containers backend cannot run here: " + reason.get());
    }
    if (backend == Backend.PROCESSES) {
      assumeTrue(
          settings.natsServerBinary().filter(ProcessMeshLauncher::isUsable).isPresent(),
          "processes backend cannot run here: no nats-server (set MESHCHECK_NATS_SERVER)");
    }
    return MeshLaunchers.forBackend(backend, settings);
  }

  /**
   * The launcher of {@code backend}; skips, with the backend's reason, where it refuses the fault.
   */
  static MeshLauncher launcherClaiming(Backend backend, LinkKind kind, LinkFaultKind fault) {
    MeshLauncher launcher = launcher(backend);
    assumeTrue(
        launcher.linkFaultSupport().supports(kind, fault),
        () -> launcher.linkFaultSupport().refusal(kind, fault).orElse(""));
    return launcher;
  }

  static Topology topology(String name) {
    return TopologyFiles.resolve(name, ProjectLayout.discover());
  }

  /**
   * Topology {@code name} with every server pinging its connections each second and closing one
   * after two unanswered pings, so that a blackholed link drops in about three seconds instead of
   * the default four minutes.
   */
  static Topology withFastPings(String name, Path dir) throws IOException {
    Path pings = dir.resolve("fast-pings.conf");
    Files.writeString(pings, "ping_interval: \"1s\"\nping_max: 2\n");
    return topology(name).withInclude(pings);
  }

  /** A client of one node that does not reconnect elsewhere, so that it stays on that node. */
  static Connection connect(MeshNode node) throws IOException, InterruptedException {
    return Nats.connect(
        new Options.Builder()
            .server(node.clientUrl())
            .connectionName("it-" + node.name())
            .connectionTimeout(Duration.ofSeconds(3))
            .noReconnect()
            .build());
  }
}
