package dev.meshcheck.topology;

import dev.meshcheck.scenario.Topology;
import java.time.Duration;
import java.util.Optional;

/** Placeholder until the containers backend lands (issue 2); says so instead of pretending. */
final class ContainerMeshLauncher implements MeshLauncher {
  ContainerMeshLauncher(String image, Duration readyTimeout) {}

  static Optional<String> unavailableReason(String image) {
    return Optional.of("the containers backend is not built yet");
  }

  @Override
  public Backend backend() {
    return Backend.CONTAINERS;
  }

  @Override
  public RunningMesh launch(Topology topology) {
    throw new MeshStartException("the containers backend is not built yet");
  }
}
