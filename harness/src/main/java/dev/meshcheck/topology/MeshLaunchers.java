package dev.meshcheck.topology;

import dev.meshcheck.scenario.BadInputException;
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
   * @throws BadInputException when the backend cannot work on this machine, saying how to fix it,
   *     or when the URLs of an external mesh do not reach a NATS server
   */
  public static MeshLauncher forBackend(Backend backend, LauncherSettings settings) {
    return switch (backend) {
      case PROCESSES -> processes(settings);
      case CONTAINERS -> containers(settings);
      case EXTERNAL -> external(settings);
      case AUTO -> auto(settings);
    };
  }

  private static MeshLauncher external(LauncherSettings settings) {
    ExternalMeshLauncher launcher =
        new ExternalMeshLauncher(
            settings.externalUrls(), settings.externalMonitorUrls(), settings.readyTimeout());
    settings.externalUrls().forEach(ExternalUrls::requireNatsServer);
    settings.externalMonitorUrls().forEach(ExternalUrls::requireListening);
    return launcher;
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
    if (settings.natsServerBinary().filter(ProcessMeshLauncher::isUsable).isPresent()) {
      return processes(settings);
    }
    throw BadInputException.option(
        "--backend",
        "auto found no backend that can run here. Containers: "
            + noContainers.get()
            + ". Processes: "
            + noBinary(settings));
  }

  private static MeshLauncher processes(LauncherSettings settings) {
    var binary =
        settings
            .natsServerBinary()
            .filter(ProcessMeshLauncher::isUsable)
            .orElseThrow(
                () -> BadInputException.option("--backend", "processes: " + noBinary(settings)));
    return new ProcessMeshLauncher(binary, settings.readyTimeout(), RunFolder.defaultParent());
  }

  /**
   * Why no nats-server can be run. A binary that was found yet is unusable can only be the one
   * MESHCHECK_NATS_SERVER names: the search of PATH keeps executable files only.
   */
  private static String noBinary(LauncherSettings settings) {
    String howToGet =
        "set MESHCHECK_NATS_SERVER to a nats-server binary, put nats-server on PATH, or install it"
            + " (apt-get install nats-server)";
    return settings
        .natsServerBinary()
        .map(
            binary -> "MESHCHECK_NATS_SERVER=" + binary + " is not an executable file; " + howToGet)
        .orElse("no nats-server binary found; " + howToGet);
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
