package dev.meshcheck.topology;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;

/**
 * Removes what harness runs that were killed ({@code kill -9}, no shutdown hook ran) left on this
 * machine, whichever backend they used: the nats-servers and run folders of the processes backend
 * ({@link RunFolder}) and the containers and networks of the containers backend ({@link
 * ContainerReaper}). Only what belongs to a JVM that is gone is touched, never what another harness
 * that still runs uses. {@link MeshLaunchers#forBackend} calls it, so every command that starts a
 * mesh cleans up first, before any ready time is taken.
 *
 * <pre>{@code
 * Leftovers.removeDeadRuns(System.err); // prints what it removed, nothing when there was nothing
 * }</pre>
 */
public final class Leftovers {
  /** Bounds the Docker half where a configured daemon does not answer. */
  private static final Duration DOCKER_WAIT = Duration.ofSeconds(10);

  private Leftovers() {}

  /**
   * Removes the leftovers of dead runs of either backend and tells {@code err} what was removed.
   * Returns within about {@link #DOCKER_WAIT} even when Docker does not answer; without Docker only
   * the processes backend's leftovers are looked for.
   */
  public static void removeDeadRuns(PrintStream err) {
    Removed removed = removeDeadRuns(RunFolder.defaultParent());
    if (!removed.isEmpty()) {
      err.print(removed.describe());
      err.flush();
    }
  }

  static Removed removeDeadRuns(Path runParent) {
    return new Removed(RunFolder.reapOrphans(runParent), deadContainersRemoved());
  }

  /**
   * What one sweep removed.
   *
   * @param runFolders processes backend: run folders deleted, with the servers they still ran
   * @param docker containers backend: containers and networks removed
   */
  record Removed(List<RunFolder.Reaped> runFolders, ContainerReaper.Reaped docker) {
    boolean isEmpty() {
      return runFolders.isEmpty() && docker.containers().isEmpty() && docker.networks().isEmpty();
    }

    /** One line per thing removed, under a heading that says why; ends with a line break. */
    String describe() {
      List<String> lines = new ArrayList<>();
      lines.add("meshcheck: removed what runs killed earlier (kill -9) left behind:");
      for (RunFolder.Reaped run : runFolders) {
        run.killedPids().forEach(pid -> lines.add("  nats-server process " + pid));
        lines.add("  run folder " + run.folder());
      }
      docker.containers().forEach(name -> lines.add("  container " + name));
      docker.networks().forEach(name -> lines.add("  network " + name));
      return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }
  }

  private static ContainerReaper.Reaped deadContainersRemoved() {
    if (!mayHaveDockerDaemon()) {
      return ContainerReaper.Reaped.NOTHING;
    }
    CompletableFuture<ContainerReaper.Reaped> sweep = new CompletableFuture<>();
    Thread sweeper =
        new Thread(
            () -> {
              try {
                sweep.complete(sweepContainers());
              } catch (RuntimeException | IOException e) {
                sweep.completeExceptionally(e);
              }
            },
            "meshcheck-leftover-containers");
    sweeper.setDaemon(true); // a daemon that hangs must not keep the JVM alive
    sweeper.start();
    try {
      return sweep.get(DOCKER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ContainerReaper.Reaped.NOTHING;
    } catch (ExecutionException | TimeoutException e) {
      // Docker is not there or does not answer: no container can have been left on it either
      // that this start could remove; the next start with a working daemon will.
      return ContainerReaper.Reaped.NOTHING;
    }
  }

  // A client of its own, not DockerClientFactory.client(): that one starts Ryuk first, which a
  // processes run must not wait for.
  private static ContainerReaper.Reaped sweepContainers() throws IOException {
    try (DockerClient docker =
        DockerClientProviderStrategy.getClientForConfig(
            DockerClientFactory.instance().getTransportConfig())) {
      return new ContainerReaper(docker).reapOrphans();
    }
  }

  /**
   * Whether a Docker daemon may be configured here. Without one Testcontainers would log an error
   * while looking for it, which a user of the processes backend has no reason to see.
   */
  private static boolean mayHaveDockerDaemon() {
    if (System.getenv("DOCKER_HOST") != null) {
      return true;
    }
    Path home = Path.of(System.getProperty("user.home", "/"));
    List<Path> candidates = new ArrayList<>();
    candidates.add(Path.of("/var/run/docker.sock"));
    candidates.add(home.resolve(".docker/run/docker.sock"));
    candidates.add(home.resolve(".testcontainers.properties"));
    String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
    if (runtimeDir != null) {
      candidates.add(Path.of(runtimeDir, "docker.sock"));
    }
    return candidates.stream().anyMatch(Files::exists);
  }
}
