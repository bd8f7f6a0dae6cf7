package dev.meshcheck.topology;

import dev.meshcheck.scenario.BadInputException;
import dev.meshcheck.scenario.Topology;
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
   * The launcher of {@code backend}. Once it is made, removes what runs killed earlier left on this
   * machine, on either backend, and says so on stderr ({@link Leftovers}): done here rather than in
   * {@link MeshLauncher#launch} so that a mesh's ready time does not include it, and after the
   * backend's own Docker probe, which the removal then reuses instead of waiting for Docker twice.
   *
   * @throws BadInputException when the backend cannot work on this machine, saying how to fix it
   */
  public static MeshLauncher forBackend(Backend backend, LauncherSettings settings) {
    MeshLauncher launcher =
        switch (backend) {
          case PROCESSES -> processes(settings);
          case CONTAINERS -> containers(settings);
          case EXTERNAL ->
              new ExternalMeshLauncher(
                  settings.externalUrls(), settings.externalMonitorUrls(), settings.readyTimeout());
          case AUTO -> auto(settings);
        };
    Leftovers.removeDeadRuns(System.err);
    return launcher;
  }

  /**
   * The topology a mesh launched for {@code topology} has, so that node references can be checked
   * before the launch: the external backend describes its URLs as {@code topology} only when it has
   * as many nodes as there are URLs, else as a cluster named "external".
   */
  public static Topology shapeOf(Topology topology, Backend backend, LauncherSettings settings) {
    return backend == Backend.EXTERNAL
        ? ExternalMeshLauncher.described(topology, settings.externalUrls().size())
        : topology;
  }

  /**
   * For the external backend, checks that every client URL greets as a NATS server and every
   * monitoring URL listens; other backends launch their own meshes and have nothing to check.
   *
   * @throws BadInputException naming the option, the URL and what failed
   */
  public static void requireReachable(Backend backend, LauncherSettings settings) {
    if (backend == Backend.EXTERNAL) {
      settings.externalUrls().forEach(ExternalUrls::requireNatsServer);
      settings.externalMonitorUrls().forEach(ExternalUrls::requireListening);
    }
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
