package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.TopContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.meshcheck.scenario.Owner;
import dev.meshcheck.scenario.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.DockerClientFactory;

/** Nothing a mesh starts outlives it: not after close, not after a failed launch. */
class MeshCleanupIT {
  static Stream<Backend> backends() {
    return TestMeshes.LAUNCHING_BACKENDS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void closeLeavesNoServerContainerOrNetworkBehind(Backend backend) {
    MeshLauncher launcher = TestMeshes.launcher(backend);
    RunningMesh mesh = launcher.launch(TestMeshes.topology("cluster-3"));
    List<Long> serverPids;
    Optional<String> runId = Optional.empty();
    try {
      serverPids = serverPids(mesh);
      assertThat(serverPids).as("nats-server pids of the mesh").hasSize(3);
      if (mesh instanceof ContainerMesh containers) {
        runId = Optional.of(containers.runId());
        assertPublishedOnLoopbackOnly(containers);
      }
      // Close must also cope with nodes the test left killed or frozen.
      mesh.node(2).kill();
      mesh.node(3).pause();
    } finally {
      mesh.close();
    }

    assertThat(serverPids)
        .as("nats-server processes alive after close")
        .noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    runId.ifPresent(
        run -> {
          ContainerReaper reaper = new ContainerReaper(docker());
          assertThat(reaper.containerIdsOf(run)).as("containers of run %s", run).isEmpty();
          assertThat(reaper.networkIdsOf(run)).as("networks of run %s", run).isEmpty();
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void launchThatFailsHalfWayRemovesWhatItStarted(Backend backend, @TempDir Path dir)
      throws Exception {
    MeshLauncher launcher = TestMeshes.launcher(backend);
    Path broken = Files.writeString(dir.resolve("broken.conf"), "accounts { this is not { valid\n");
    Topology topology = Topology.cluster("broken", 3).withInclude(broken);
    int containersBefore = ownContainers().size();

    // The server refuses the include at start-up: bad input at the user's line (IncludeRefusedIT).
    assertThatThrownBy(() -> launcher.launch(topology))
        .isInstanceOf(dev.meshcheck.scenario.BadInputException.class)
        .hasMessageStartingWith(broken + ":1");

    assertThat(childServers()).as("nats-server children of this JVM").isEmpty();
    if (backend == Backend.CONTAINERS) {
      assertThat(ownContainers()).as("containers of this JVM").hasSize(containersBefore);
    }
  }

  private static List<Long> serverPids(RunningMesh mesh) {
    if (mesh instanceof ContainerMesh containers) {
      List<Long> pids = new ArrayList<>();
      for (ContainerNode node : containers.containerNodes()) {
        TopContainerResponse top = docker().topContainerCmd(node.containerId()).exec();
        int pidColumn = Arrays.asList(top.getTitles()).indexOf("PID");
        for (String[] process : top.getProcesses()) {
          pids.add(Long.parseLong(process[pidColumn]));
        }
      }
      return pids;
    }
    return childServers();
  }

  private static List<Long> childServers() {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("nats-server")).orElse(false))
        .map(ProcessHandle::pid)
        .toList();
  }

  private static void assertPublishedOnLoopbackOnly(ContainerMesh mesh) {
    for (ContainerNode node : mesh.containerNodes()) {
      InspectContainerResponse inspect = docker().inspectContainerCmd(node.containerId()).exec();
      Map<ExposedPort, Ports.Binding[]> bindings =
          inspect.getNetworkSettings().getPorts().getBindings();
      assertThat(bindings.get(ExposedPort.tcp(ContainerAddress.CLIENT_PORT)))
          .as("client port of %s published", node.name())
          .isNotEmpty();
      // The image exposes the route, gateway and leaf ports too; unpublished ones map to null.
      assertThat(bindings.values().stream().filter(b -> b != null).flatMap(Arrays::stream))
          .as("host addresses the ports of %s are published on", node.name())
          .extracting(Ports.Binding::getHostIp)
          .containsOnly("127.0.0.1");
    }
  }

  private static List<String> ownContainers() {
    return docker()
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(ContainerReaper.LABEL_OWNER, Owner.currentJvm().toString()))
        .exec()
        .stream()
        .map(c -> c.getId())
        .toList();
  }

  static DockerClient docker() {
    return DockerClientFactory.instance().client();
  }

  static boolean exists(String containerId) {
    try {
      docker().inspectContainerCmd(containerId).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
