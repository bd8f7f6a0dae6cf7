package dev.meshcheck.steps;

import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.topology.Backend;

/**
 * The run settings the build asks the integration tests for: Failsafe passes {@code
 * -Dmeshcheck.backend} (auto by default). Read here, at the tests' edge, and passed on explicitly.
 */
final class BuildRunSettings {
  private BuildRunSettings() {}

  static RunSettings fromBuild() {
    String backend = System.getProperty("meshcheck.backend", "auto");
    return RunSettings.of(
        Backend.parse(backend.isBlank() ? "auto" : backend), ProjectLayout.discover());
  }
}
