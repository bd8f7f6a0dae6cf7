package dev.meshcheck.topology;

import dev.meshcheck.scenario.BadInputException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one way to get a {@link MeshLauncher}.
 *
 * <pre>{@code
 * MeshLauncher launcher = MeshLaunchers.forBackend(Backend.AUTO, LauncherSettings.fromEnvironment());
 * }</pre>
 */
public final class MeshLaunchers {
  private MeshLaunchers() {}

  /**
   * @throws BadInputException when the backend cannot work on this machine, saying how to fix it
   */
  public static MeshLauncher forBackend(Backend backend, LauncherSettings settings) {
    return switch (backend) {
      case PROCESSES -> processes(settings);
      case CONTAINERS -> containers(settings);
      case EXTERNAL ->
          new ExternalMeshLauncher(
              settings.externalUrls(), settings.externalMonitorUrls(), settings.readyTimeout());
      case AUTO -> auto(settings);
    };
  }

  /** Why the containers backend cannot run here, or empty when it can. */
  public static Optional<String> containersUnavailableReason(LauncherSettings settings) {
    return ContainerMeshLauncher.probe(settings.image()).problem();
  }

  /** The image the containers backend would run: the one named, else the one it chooses. */
  public static String containersImage(LauncherSettings settings) {
    return ContainerMeshLauncher.probe(settings.image()).image();
  }

  private static MeshLauncher auto(LauncherSettings settings) {
    DockerAvailability.Probe probe = ContainerMeshLauncher.probe(settings.image());
    Optional<String> noContainers = probe.problem();
    if (noContainers.isEmpty()) {
      return new ContainerMeshLauncher(probe.image(), settings.readyTimeout());
    }
    if (settings.natsServerBinary().isPresent()) {
      return processes(settings);
    }
    throw noBinary(
        "auto found no backend that can run here. Containers: "
            + noContainers.get()
            + ". Processes: need");
  }

  private static MeshLauncher processes(LauncherSettings settings) {
    Path binary = settings.natsServerBinary().orElseThrow(() -> noBinary("processes needs"));
    if (!ProcessMeshLauncher.isUsable(binary)) {
      // Only MESHCHECK_NATS_SERVER can name an unusable one: the search of PATH keeps executables.
      throw BadInputException.option(
          "MESHCHECK_NATS_SERVER",
          binary + " is not an executable file; point it at nats-server, or unset it");
    }
    return new ProcessMeshLauncher(binary, settings.readyTimeout(), RunFolder.defaultParent());
  }

  private static BadInputException noBinary(String who) {
    return BadInputException.option(
        "--backend",
        who
            + " a nats-server binary and none was found: set MESHCHECK_NATS_SERVER, put"
            + " nats-server on PATH, or install it (apt-get install nats-server)");
  }

  private static MeshLauncher containers(LauncherSettings settings) {
    DockerAvailability.Probe probe = ContainerMeshLauncher.probe(settings.image());
    probe
        .problem()
        .ifPresent(
            reason -> {
              throw BadInputException.option("--backend", "containers cannot run here: " + reason);
            });
    return new ContainerMeshLauncher(probe.image(), settings.readyTimeout());
  }
}
