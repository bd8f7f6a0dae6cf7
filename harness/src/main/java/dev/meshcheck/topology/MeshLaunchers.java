package dev.meshcheck.topology;

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
   * @throws MeshStartException when the backend cannot work on this machine, saying how to fix it
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
    return ContainerMeshLauncher.unavailableReason(settings.image());
  }

  private static MeshLauncher auto(LauncherSettings settings) {
    Optional<String> noContainers = containersUnavailableReason(settings);
    if (noContainers.isEmpty()) {
      return containers(settings);
    }
    if (settings.natsServerBinary().filter(ProcessMeshLauncher::isUsable).isPresent()) {
      return processes(settings);
    }
    throw new MeshStartException(
        "no backend can run here. Containers: " + noContainers.get() + ". Processes: " + NO_BINARY);
  }

  private static final String NO_BINARY =
      "no nats-server binary found (set MESHCHECK_NATS_SERVER, put nats-server on PATH, or"
          + " install it: apt-get install nats-server)";

  private static MeshLauncher processes(LauncherSettings settings) {
    var binary =
        settings
            .natsServerBinary()
            .filter(ProcessMeshLauncher::isUsable)
            .orElseThrow(() -> new MeshStartException(NO_BINARY));
    return new ProcessMeshLauncher(binary, settings.readyTimeout(), RunFolder.defaultParent());
  }

  private static MeshLauncher containers(LauncherSettings settings) {
    containersUnavailableReason(settings)
        .ifPresent(
            reason -> {
              throw new MeshStartException("the containers backend cannot run here: " + reason);
            });
    return new ContainerMeshLauncher(settings.image(), settings.readyTimeout());
  }
}
