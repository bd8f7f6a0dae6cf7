package dev.meshcheck.topology;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;
import org.testcontainers.utility.TestcontainersConfiguration;

/** Whether the containers backend can run here: Docker answers and the image is present. */
final class DockerAvailability {
  /** Bounds the probe where a configured daemon does not answer (a dead TCP DOCKER_HOST). */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

  static final String NO_DOCKER =
      "Docker does not answer: start dockerd (or point DOCKER_HOST at a running daemon)";

  private DockerAvailability() {}

  /** Empty when Docker answers and {@code image} is present locally; else how to fix it. */
  static Optional<String> unavailableReason(String image) {
    CompletableFuture<Optional<String>> probe = new CompletableFuture<>();
    Thread prober =
        new Thread(
            () -> {
              try {
                probe.complete(check(image));
              } catch (RuntimeException e) {
                probe.complete(Optional.of(NO_DOCKER + " (" + e.getMessage() + ")"));
              }
            },
            "meshcheck-docker-probe");
    prober.setDaemon(true); // a hung probe must not keep the JVM alive
    prober.start();
    try {
      return probe.get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return Optional.of(NO_DOCKER + " (no answer within " + PROBE_TIMEOUT.toSeconds() + " s)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while asking Docker");
    } catch (ExecutionException e) {
      return Optional.of(NO_DOCKER + " (" + e.getCause() + ")");
    }
  }

  private static Optional<String> check(String image) {
    TransportConfig transport;
    try {
      // Finds a daemon without starting Ryuk: isDockerAvailable() and client() start it first,
      // which hangs for minutes retrying a pull where no registry is reachable.
      transport = DockerClientFactory.instance().getTransportConfig();
    } catch (IllegalStateException noEnvironment) {
      return Optional.of(NO_DOCKER);
    }
    try (DockerClient docker = DockerClientProviderStrategy.getClientForConfig(transport)) {
      docker.pingCmd().exec();
      if (!isPresent(docker, image)) {
        return Optional.of(noImage(image));
      }
      // The configured Ryuk image is a repository; Testcontainers picks the tag itself.
      String ryukRepository = withoutTag(TestcontainersConfiguration.getInstance().getRyukImage());
      if (!ryukDisabled()
          && docker.listImagesCmd().withImageNameFilter(ryukRepository).exec().isEmpty()) {
        return Optional.of(
            "Testcontainers would start its Ryuk reaper container, but no "
                + ryukRepository
                + " image is present and none is pulled here: set"
                + " TESTCONTAINERS_RYUK_DISABLED=true (meshcheck labels and removes its own"
                + " containers, also after a kill -9)");
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // closing our probe client failed; the answers stand
    }
  }

  private static String withoutTag(String image) {
    int colon = image.lastIndexOf(':');
    return colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
  }

  static boolean ryukDisabled() {
    return Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"));
  }

  private static boolean isPresent(DockerClient docker, String image) {
    try {
      docker.inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private static String noImage(String image) {
    return "image '"
        + image
        + "' is not present locally and the containers backend never pulls: build one from the"
        + " host's nats-server with docker/build-local-image.sh and set"
        + " MESHCHECK_NATS_IMAGE=meshcheck/nats:local (or docker pull "
        + image
        + " where a registry is reachable)";
  }
}
