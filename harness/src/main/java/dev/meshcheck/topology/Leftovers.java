package dev.meshcheck.topology;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
  /**
   * Bounds the Docker half where a configured daemon does not answer. A JVM's first Docker request
   * loads the whole client: measured 6-8 s with the machine's two cores at load 20.
   */
  private static final Duration DOCKER_WAIT = Duration.ofSeconds(15);

  private Leftovers() {}

  /**
   * Removes the leftovers of dead runs of either backend and tells {@code err} what was removed.
   * Returns within about {@link #DOCKER_WAIT} even when Docker does not answer; without Docker only
   * the processes backend's leftovers are looked for.
   */
  public static void removeDeadRuns(PrintStream err) {
    List<RunFolder.Reaped> runFolders = RunFolder.reapOrphans(RunFolder.defaultParent());
    Optional<ContainerReaper.Reaped> docker = deadContainersRemoved();
    Removed removed = new Removed(runFolders, docker.orElse(ContainerReaper.Reaped.NOTHING));
    if (!removed.isEmpty()) {
      err.print(removed.describe());
    }
    if (docker.isEmpty()) {
      err.printf(
          "meshcheck: Docker did not answer within %d s; containers that killed runs left, if"
              + " any, stay until a later start%n",
          DOCKER_WAIT.toSeconds());
    }
    err.flush();
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

  /** Empty when a Docker daemon is configured here but did not answer in time. */
  private static Optional<ContainerReaper.Reaped> deadContainersRemoved() {
    if (!mayHaveDockerDaemon()) {
      return Optional.of(ContainerReaper.Reaped.NOTHING);
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
      return Optional.of(sweep.get(DOCKER_WAIT.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(ContainerReaper.Reaped.NOTHING);
    } catch (ExecutionException noDaemon) {
      // A socket file without a daemon behind it: nothing runs there that could be left over.
      return Optional.of(ContainerReaper.Reaped.NOTHING);
    } catch (TimeoutException e) {
      return Optional.empty();
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
