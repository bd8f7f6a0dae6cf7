package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import dev.meshcheck.scenario.Owner;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Containers and networks of a harness that was killed (kill -9) go at the next start, whichever
 * backend it uses; those of a live harness stay.
 */
// Its leftovers of a dead owner would be reaped by any other launch of the build: run alone.
@Tag("quiet")
class ContainerReaperIT {
  static Stream<Backend> backends() {
    return TestMeshes.LAUNCHING_BACKENDS.stream();
  }

  @ParameterizedTest(name = "next start on {0}")
  @MethodSource("backends")
  void leftoversOfADeadOwnerAreReapedAtTheNextStartButThoseOfALiveOwnerStay(Backend backend)
      throws Exception {
    LauncherSettings settings = LauncherSettings.fromEnvironment();
    Optional<String> noContainers = MeshLaunchers.containersUnavailableReason(settings);
    assumeTrue(noContainers.isEmpty(), () -> "no containers to leave: " + noContainers.get());
    DockerClient docker = MeshCleanupIT.docker();
    String image = MeshLaunchers.containersImage(settings);
    Owner dead = deadOwner();
    assumeTrue(!dead.isAlive(), "the pid of a finished process was reused at once");
    Leftover deadOnes = Leftover.create(docker, image, dead);
    Leftover liveOnes = Leftover.create(docker, image, Owner.currentJvm());
    try {
      assertThat(MeshCleanupIT.exists(deadOnes.containerId())).isTrue();

      // The start: making the launcher removes leftovers, before any launch is timed.
      MeshLauncher launcher = TestMeshes.launcher(backend);
      try (RunningMesh mesh = launcher.launch(TestMeshes.topology("single"))) {
        assertThat(mesh.node(1).serverInfo().serverName()).isEqualTo("solo-1");
      }

      assertThat(MeshCleanupIT.exists(deadOnes.containerId()))
          .as("container of a dead owner")
          .isFalse();
      assertThat(new ContainerReaper(docker).networkIdsOf(deadOnes.runId()))
          .as("network of a dead owner")
          .isEmpty();
      assertThat(MeshCleanupIT.exists(liveOnes.containerId()))
          .as("container of a live owner (another JVM's test)")
          .isTrue();
      assertThat(new ContainerReaper(docker).networkIdsOf(liveOnes.runId()))
          .as("network of a live owner")
          .hasSize(1);
    } finally {
      ContainerReaper reaper = new ContainerReaper(docker);
      for (Leftover leftover : new Leftover[] {deadOnes, liveOnes}) {
        reaper.removeContainersOf(leftover.runId());
        reaper.removeNetworksOf(leftover.runId());
      }
    }
  }

  /** The owner record of a process that has already exited. */
  private static Owner deadOwner() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    long startMillis =
        finished.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(1L);
    finished.waitFor();
    return new Owner(finished.pid(), startMillis);
  }

  /** A running nats-server container and its network, labelled as a launch by {@code owner}. */
  private record Leftover(String runId, String containerId) {
    static Leftover create(DockerClient docker, String image, Owner owner) {
      String runId = "leftover-" + UUID.randomUUID().toString().substring(0, 8);
      Map<String, String> labels = ContainerReaper.labels(owner, runId);
      String network =
          docker
              .createNetworkCmd()
              .withName("meshcheck-" + runId)
              .withLabels(labels)
              .exec()
              .getId();
      String container =
          docker
              .createContainerCmd(image)
              .withName("meshcheck-" + runId)
              .withLabels(labels)
              .withCmd("-a", "0.0.0.0")
              .withHostConfig(HostConfig.newHostConfig().withNetworkMode(network))
              .exec()
              .getId();
      docker.startContainerCmd(container).exec();
      return new Leftover(runId, container);
    }
  }
}
