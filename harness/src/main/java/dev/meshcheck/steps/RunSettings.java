package dev.meshcheck.steps;

import dev.meshcheck.topology.Backend;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * How a conformance run is configured, read from system properties so that the Failsafe runner,
 * {@code meshcheck check} and the broken-mesh tests configure the glue the same way.
 *
 * <ul>
 *   <li>{@code meshcheck.backend}: auto | containers | processes | external (default auto)
 *   <li>{@code meshcheck.topology}: a topology name or file that replaces the one every {@code
 *       Given a "..." mesh} step names (how a team tests its own mesh config)
 *   <li>{@code meshcheck.urls}, {@code meshcheck.monitor-urls}: comma-separated URLs of an external
 *       mesh
 * </ul>
 *
 * @param topologyOverride the topology to use instead of the one a feature names, if any
 */
public record RunSettings(
    Backend backend,
    Optional<String> topologyOverride,
    List<String> externalUrls,
    List<String> externalMonitorUrls) {
  public static final String BACKEND_PROPERTY = "meshcheck.backend";
  public static final String TOPOLOGY_PROPERTY = "meshcheck.topology";
  public static final String URLS_PROPERTY = "meshcheck.urls";
  public static final String MONITOR_URLS_PROPERTY = "meshcheck.monitor-urls";

  public RunSettings {
    topologyOverride = topologyOverride.filter(t -> !t.isBlank());
    externalUrls = List.copyOf(externalUrls);
    externalMonitorUrls = List.copyOf(externalMonitorUrls);
  }

  /** The settings of this JVM's current run. */
  public static RunSettings fromSystemProperties() {
    return from(System.getProperties());
  }

  static RunSettings from(Properties properties) {
    String backend = properties.getProperty(BACKEND_PROPERTY, "auto");
    return new RunSettings(
        Backend.parse(backend.isBlank() ? "auto" : backend),
        Optional.ofNullable(properties.getProperty(TOPOLOGY_PROPERTY)),
        list(properties.getProperty(URLS_PROPERTY)),
        list(properties.getProperty(MONITOR_URLS_PROPERTY)));
  }

  private static List<String> list(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(u -> !u.isEmpty())
        .toList();
  }
}
