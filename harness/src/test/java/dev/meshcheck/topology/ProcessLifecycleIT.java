package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.TopologyFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Nothing the harness starts outlives it: `meshcheck up` stops its servers on SIGTERM (as on
 * Ctrl-C), and servers left by a `kill -9` of the harness are stopped by the next launch.
 */
class ProcessLifecycleIT {
  private static final ProjectLayout LAYOUT = ProjectLayout.discover();

  @Test
  void upStopsItsServersOnSigterm() throws Exception {
    Process up = startUp("cluster-3");
    List<ProcessHandle> servers = awaitReadyAndListServers(up);
    assertThat(servers).as("nats-server processes of the mesh").hasSize(3);

    up.destroy(); // SIGTERM, which is what Ctrl-C's SIGINT also leads to: the shutdown hooks run

    assertThat(up.waitFor(30, TimeUnit.SECONDS)).as("meshcheck up exits").isTrue();
    assertThat(servers).as("servers still alive after up exited").noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void theNextLaunchStopsServersLeftByAKilledHarness() throws Exception {
    Process up = startUp("single");
    List<ProcessHandle> orphans = awaitReadyAndListServers(up);
    up.destroyForcibly().waitFor(); // kill -9: no shutdown hook runs
    assertThat(orphans).as("orphans right after kill -9").allMatch(ProcessHandle::isAlive);

    LauncherSettings settings = LauncherSettings.fromEnvironment();
    try (RunningMesh mesh =
        MeshLaunchers.forBackend(Backend.PROCESSES, settings)
            .launch(TopologyFiles.resolve("single", LAYOUT))) {
      assertThat(orphans).as("orphans after the next launch").noneMatch(ProcessHandle::isAlive);
      assertThat(mesh.node(1).state()).isEqualTo(NodeState.RUNNING);
    }
  }

  private static Process startUp(String topology) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "-Dmeshcheck.root=" + LAYOUT.root(),
            "dev.meshcheck.cli.Main",
            "up",
            topology,
            "--backend",
            "processes")
        .redirectErrorStream(true)
        .start();
  }

  /** Reads `up`'s output until "ready in", then lists the nats-servers it started. */
  private static List<ProcessHandle> awaitReadyAndListServers(Process up) throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    StringBuilder seen = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(up.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
        seen.append(line).append('\n');
        if (line.startsWith("ready in")) {
          return up.descendants()
              .filter(p -> p.info().command().orElse("").endsWith("nats-server"))
              .toList();
        }
      }
    }
    throw new AssertionError("meshcheck up never printed 'ready in'; it printed:\n" + seen);
  }
}
