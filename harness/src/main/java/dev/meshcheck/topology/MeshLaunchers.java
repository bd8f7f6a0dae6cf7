package dev.meshcheck.topology;

import dev.meshcheck.scenario.Topology;
import java.time.Duration;
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
   * For the external backend, checks that every client URL answers as a NATS server and every
   * monitoring URL answers HTTP, each within {@code wait}; other backends launch their own meshes
   * and have nothing to check.
   *
   * @throws dev.meshcheck.scenario.BadInputException naming the option, the URL and what failed
   */
  public static void requireReachable(Backend backend, LauncherSettings settings, Duration wait) {
    if (backend == Backend.EXTERNAL) {
      ExternalMeshProbe.requireReachable(
          settings.externalUrls(), settings.externalMonitorUrls(), wait);
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
    DockerAvailability.Probe probe = ContainerMeshLauncher.probe(settings.image());
    probe
        .problem()
        .ifPresent(
            reason -> {
              throw new MeshStartException("the containers backend cannot run here: " + reason);
            });
    return new ContainerMeshLauncher(probe.image(), settings.readyTimeout());
  }
}
