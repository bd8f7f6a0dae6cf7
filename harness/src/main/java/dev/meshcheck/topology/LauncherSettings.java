package dev.meshcheck.topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the launchers need from the environment.
 *
 * @param natsServerBinary the nats-server for the processes backend, if one was found
 * @param image the container image named for the containers backend; when none is, the backend
 *     takes {@value DockerAvailability#LOCAL_IMAGE} if it is present, else {@value
 *     DockerAvailability#OFFICIAL_IMAGE}
 * @param externalUrls client URLs of an already running mesh (external backend), one per node
 * @param externalMonitorUrls its monitoring URLs, in the same order (may be empty)
 * @param readyTimeout how long a mesh may take to form before the launch fails
 */
public record LauncherSettings(
    Optional<Path> natsServerBinary,
    Optional<String> image,
    List<String> externalUrls,
    List<String> externalMonitorUrls,
    Duration readyTimeout) {

  public LauncherSettings {
    externalUrls = List.copyOf(externalUrls);
    externalMonitorUrls = List.copyOf(externalMonitorUrls);
    if (image.isPresent() && image.get().isBlank()) {
      throw new IllegalArgumentException("image must be a container image name, was blank");
    }
    if (readyTimeout.isNegative() || readyTimeout.isZero()) {
      throw new IllegalArgumentException("readyTimeout must be positive, was " + readyTimeout);
    }
  }

  /**
   * Reads {@code MESHCHECK_NATS_SERVER} (else nats-server on PATH, else /usr/sbin/nats-server) and
   * {@code MESHCHECK_NATS_IMAGE} or the system property {@code meshcheck.nats.image} (else the
   * containers backend chooses).
   */
  public static LauncherSettings fromEnvironment() {
    return fromEnvironment(System.getenv(), System.getProperties());
  }

  static LauncherSettings fromEnvironment(Map<String, String> env, java.util.Properties props) {
    Optional<String> image =
        firstNonBlank(props.getProperty("meshcheck.nats.image"), env.get("MESHCHECK_NATS_IMAGE"));
    return new LauncherSettings(
        findNatsServer(env), image, List.of(), List.of(), Duration.ofSeconds(60));
  }

  /** The same settings for an external mesh at {@code clientUrls}. */
  public LauncherSettings withExternalMesh(List<String> clientUrls, List<String> monitorUrls) {
    return new LauncherSettings(natsServerBinary, image, clientUrls, monitorUrls, readyTimeout);
  }

  public LauncherSettings withImage(String otherImage) {
    return new LauncherSettings(
        natsServerBinary, Optional.of(otherImage), externalUrls, externalMonitorUrls, readyTimeout);
  }

  private static Optional<Path> findNatsServer(Map<String, String> env) {
    Optional<String> configured = firstNonBlank(env.get("MESHCHECK_NATS_SERVER"));
    if (configured.isPresent()) {
      return Optional.of(Path.of(configured.get()));
    }
    String path = env.getOrDefault("PATH", "");
    for (String dir : (path + ":/usr/sbin:/usr/local/sbin").split(":")) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir, "nats-server");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return Optional.of(value.trim());
      }
    }
    return Optional.empty();
  }
}
