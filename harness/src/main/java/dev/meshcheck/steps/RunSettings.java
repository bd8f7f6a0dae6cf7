package dev.meshcheck.steps;

import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.topology.Backend;
import dev.meshcheck.topology.LauncherSettings;
import java.util.Objects;
import java.util.Optional;

/**
 * How one conformance run brings up its meshes. Built by whoever starts the run ({@code meshcheck
 * check}, the Failsafe suites) and handed to the glue by {@link GlueFactory}, so two runs in one
 * JVM never see each other's settings.
 *
 * <pre>{@code
 * RunSettings settings = RunSettings.of(Backend.PROCESSES, ProjectLayout.discover())
 *     .withTopologyOverride("my-mesh.yaml");
 * }</pre>
 *
 * @param launcher image, server binary and, for the external backend, the mesh's URLs
 * @param topologyOverride the topology every {@code Given a "..." mesh} step uses instead of the
 *     one it names (how a team tests its own config), if any
 * @param layout where topologies are found by name
 */
public record RunSettings(
    Backend backend,
    LauncherSettings launcher,
    Optional<String> topologyOverride,
    ProjectLayout layout) {

  public RunSettings {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(launcher, "launcher");
    Objects.requireNonNull(layout, "layout");
    topologyOverride = topologyOverride.filter(t -> !t.isBlank());
  }

  /** Launcher settings from the environment (image, binary), no topology override. */
  public static RunSettings of(Backend backend, ProjectLayout layout) {
    return new RunSettings(backend, LauncherSettings.fromEnvironment(), Optional.empty(), layout);
  }

  public RunSettings withTopologyOverride(String topologyNameOrPath) {
    return new RunSettings(backend, launcher, Optional.of(topologyNameOrPath), layout);
  }

  public RunSettings withLauncher(LauncherSettings otherLauncher) {
    return new RunSettings(backend, otherLauncher, topologyOverride, layout);
  }
}
