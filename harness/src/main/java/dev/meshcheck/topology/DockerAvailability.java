package dev.meshcheck.topology;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Whether the containers backend can run here: Docker answers and the image is present. Chooses the
 * image when none was named, and Testcontainers' settings the user left unset ({@link
 * TestcontainersDefaults}).
 */
final class DockerAvailability {
  /** What docker/build-local-image.sh builds from the host's nats-server. */
  static final String LOCAL_IMAGE = "meshcheck/nats:local";

  static final String OFFICIAL_IMAGE = "nats:latest";

  /** Bounds the probe where a configured daemon does not answer (a dead TCP DOCKER_HOST). */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

  static final String NO_DOCKER =
      "Docker does not answer: start dockerd (or point DOCKER_HOST at a running daemon)";

  private DockerAvailability() {}

  /**
   * What the containers backend would run here.
   *
   * @param image the image to use: the one named, else the local build if present, else the
   *     official one
   * @param problem empty when Docker answers and the image is present locally; else how to fix it
   */
  record Probe(String image, Optional<String> problem) {}

  static Probe probe(Optional<String> namedImage) {
    String fallback = namedImage.orElse(OFFICIAL_IMAGE);
    CompletableFuture<Probe> probe = new CompletableFuture<>();
    Thread prober =
        new Thread(
            () -> {
              try {
                probe.complete(check(namedImage));
              } catch (RuntimeException e) {
                probe.complete(problem(fallback, NO_DOCKER + " (" + e.getMessage() + ")"));
              }
            },
            "meshcheck-docker-probe");
    prober.setDaemon(true); // a hung probe must not keep the JVM alive
    prober.start();
    try {
      return probe.get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return problem(
          fallback, NO_DOCKER + " (no answer within " + PROBE_TIMEOUT.toSeconds() + " s)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return problem(fallback, "interrupted while asking Docker");
    } catch (ExecutionException e) {
      return problem(fallback, NO_DOCKER + " (" + e.getCause() + ")");
    }
  }

  private static Probe problem(String image, String problem) {
    return new Probe(image, Optional.of(problem));
  }

  private static Probe check(Optional<String> namedImage) {
    String fallback = namedImage.orElse(OFFICIAL_IMAGE);
    TransportConfig transport;
    Optional<String> dockerHost =
        Optional.ofNullable(System.getenv("DOCKER_HOST")).filter(h -> !h.isBlank());
    if (dockerHost.filter(DockerAvailability::isMissingSocket).isPresent()) {
      return problem(fallback, noAnswerAt(dockerHost.get()));
    }
    try {
      // Finds a daemon without starting Ryuk: isDockerAvailable() and client() start it first,
      // which hangs for minutes retrying a pull where no registry is reachable.
      transport = DockerClientFactory.instance().getTransportConfig();
    } catch (IllegalStateException noEnvironment) {
      return problem(fallback, dockerHost.map(DockerAvailability::noAnswerAt).orElse(NO_DOCKER));
    }
    // Testcontainers falls back to the default socket when DOCKER_HOST does not answer: the user
    // asked for that daemon, and another one is not what they asked for.
    if (dockerHost.isPresent()
        && !dockerHost.get().trim().equals(transport.getDockerHost().toString())) {
      return problem(fallback, noAnswerAt(dockerHost.get()));
    }
    try (DockerClient docker = DockerClientProviderStrategy.getClientForConfig(transport)) {
      docker.pingCmd().exec();
      String image =
          namedImage.orElseGet(() -> isPresent(docker, LOCAL_IMAGE) ? LOCAL_IMAGE : OFFICIAL_IMAGE);
      if (!isPresent(docker, image)) {
        return problem(image, noImage(image));
      }
      TestcontainersDefaults.localHostUnlessChosen(
          "unix".equals(transport.getDockerHost().getScheme()));
      // The configured Ryuk image is a repository; Testcontainers picks the tag itself.
      String ryukRepository = withoutTag(TestcontainersConfiguration.getInstance().getRyukImage());
      boolean ryukPresent =
          !docker.listImagesCmd().withImageNameFilter(ryukRepository).exec().isEmpty();
      if (!ryukPresent
          && !TestcontainersDefaults.ryukDisabled()
          && !TestcontainersDefaults.doWithoutRyukUnlessChosen(false)) {
        return problem(
            image,
            "Testcontainers would start its Ryuk reaper container, but no "
                + ryukRepository
                + " image is present and none is pulled here: set"
                + " TESTCONTAINERS_RYUK_DISABLED=true (meshcheck labels and removes its own"
                + " containers, also after a kill -9)");
      }
      return new Probe(image, Optional.empty());
    } catch (IOException e) {
      return problem(fallback, "closing the Docker probe failed: " + e.getMessage());
    }
  }

  /** A unix socket that is not there answers nobody: no need to wait for Testcontainers to try. */
  private static boolean isMissingSocket(String dockerHost) {
    String scheme = "unix://";
    return dockerHost.startsWith(scheme)
        && !Files.exists(Path.of(dockerHost.substring(scheme.length())));
  }

  private static String noAnswerAt(String dockerHost) {
    return "Docker does not answer at DOCKER_HOST="
        + dockerHost
        + ": start the daemon there, or unset DOCKER_HOST to use the local one";
  }

  private static String withoutTag(String image) {
    int colon = image.lastIndexOf(':');
    return colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
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
        + " host's nats-server with docker/build-local-image.sh (meshcheck then uses "
        + LOCAL_IMAGE
        + " when no image is named) or docker pull "
        + image
        + " where a registry is reachable";
  }
}
