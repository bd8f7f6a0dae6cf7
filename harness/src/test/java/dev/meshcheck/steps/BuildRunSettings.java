package dev.meshcheck.steps;

import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.topology.Backend;
import dev.meshcheck.topology.LauncherSettings;

/**
 * The run settings the build asks the integration tests for: Failsafe passes {@code
 * -Dmeshcheck.backend} (auto by default). Read here, at the tests' edge, and passed on explicitly.
 */
final class BuildRunSettings {
  private BuildRunSettings() {}

  static RunSettings fromBuild() {
    return RunSettings.of(buildBackend(), ProjectLayout.discover());
  }

  /**
   * The build's settings, except that {@code auto} means the processes backend wherever a
   * nats-server binary is found: for tests whose subject is what the scenarios and steps catch, not
   * the backend ({@link BrokenMeshIT}, {@link ThenStepsFailIT}). They launch a mesh per mutation or
   * feature, and a container mesh takes over ten times as long to launch and close as one of
   * processes (cluster-3: about 9 s against 0.5 s, ReadyTimeMeasurement under load); the mutation
   * catalogue answers the same on both. An explicit {@code -Dmeshcheck.backend} still wins;
   * ConformanceIT and the topology tests keep the build's backend.
   */
  static RunSettings forWhatTheStepsCatch() {
    Backend backend = buildBackend();
    if (backend == Backend.AUTO
        && LauncherSettings.fromEnvironment().natsServerBinary().isPresent()) {
      backend = Backend.PROCESSES;
    }
    return RunSettings.of(backend, ProjectLayout.discover());
  }

  private static Backend buildBackend() {
    String backend = System.getProperty("meshcheck.backend", "auto");
    return Backend.parse(backend.isBlank() ? "auto" : backend);
  }
}
