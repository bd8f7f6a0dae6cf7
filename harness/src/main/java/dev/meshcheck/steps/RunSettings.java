package dev.meshcheck.steps;

import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.topology.Backend;
import dev.meshcheck.topology.LauncherSettings;
import java.time.Duration;
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
 * @param deliveryDeadline how long a step waits for asynchronous delivery, interest propagation or
 *     a sync marker before it fails ({@link #DEFAULT_DELIVERY_DEADLINE}); tests that prove checks
 *     fail may shorten it
 */
public record RunSettings(
    Backend backend,
    LauncherSettings launcher,
    Optional<String> topologyOverride,
    ProjectLayout layout,
    Duration deliveryDeadline) {

  /** Ample on a busy 2-core machine: propagation and delivery take milliseconds there. */
  public static final Duration DEFAULT_DELIVERY_DEADLINE = Duration.ofSeconds(10);

  public RunSettings {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(launcher, "launcher");
    Objects.requireNonNull(layout, "layout");
    topologyOverride = topologyOverride.filter(t -> !t.isBlank());
    if (deliveryDeadline.isNegative() || deliveryDeadline.isZero()) {
      throw new IllegalArgumentException(
          "deliveryDeadline must be positive, was " + deliveryDeadline);
    }
  }

  /** Launcher settings from the environment (image, binary), no topology override. */
  public static RunSettings of(Backend backend, ProjectLayout layout) {
    return new RunSettings(
        backend,
        LauncherSettings.fromEnvironment(),
        Optional.empty(),
        layout,
        DEFAULT_DELIVERY_DEADLINE);
  }

  public RunSettings withTopologyOverride(String topologyNameOrPath) {
    return new RunSettings(
        backend, launcher, Optional.of(topologyNameOrPath), layout, deliveryDeadline);
  }

  public RunSettings withLauncher(LauncherSettings otherLauncher) {
    return new RunSettings(backend, otherLauncher, topologyOverride, layout, deliveryDeadline);
  }

  public RunSettings withDeliveryDeadline(Duration deadline) {
    return new RunSettings(backend, launcher, topologyOverride, layout, deadline);
  }
}
