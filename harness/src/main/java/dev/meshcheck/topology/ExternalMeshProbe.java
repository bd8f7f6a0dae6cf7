package dev.meshcheck.topology;

import dev.meshcheck.scenario.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Checks, before anything runs, that the URLs of an external mesh answer: each client URL with a
 * NATS server's {@code INFO} line, each monitoring URL with HTTP. Without it every scenario of a
 * run would fail on its own with a stack trace of the client library. Stateless.
 */
final class ExternalMeshProbe {
  private static final int DEFAULT_CLIENT_PORT = 4222;

  private ExternalMeshProbe() {}

  /**
   * @throws BadInputException naming the option, the URL and what failed, at the first URL that
   *     does not answer
   */
  static void requireReachable(List<String> clientUrls, List<String> monitorUrls, Duration wait) {
    for (String url : clientUrls) {
      Optional<String> problem = clientProblem(url, wait);
      if (problem.isPresent()) {
        throw unreachable("--url", url, problem.get());
      }
    }
    MonitorClient monitor = new MonitorClient(wait);
    for (String url : monitorUrls) {
      try {
        monitor.json(URI.create(url), "/varz");
      } catch (IOException | IllegalArgumentException e) {
        throw unreachable("--monitor-url", url, describe(e, wait));
      }
    }
  }

  private static Optional<String> clientProblem(String url, Duration wait) {
    URI uri;
    try {
      uri = URI.create(url.contains("://") ? url : "nats://" + url);
    } catch (IllegalArgumentException e) {
      return Optional.of("not a URL such as nats://host:4222 (" + e.getMessage() + ")");
    }
    if (uri.getHost() == null) {
      return Optional.of("names no host; write it as nats://host:4222");
    }
    int port = uri.getPort() < 0 ? DEFAULT_CLIENT_PORT : uri.getPort();
    // A NATS server speaks first, in plain text even when it then upgrades to TLS.
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), port), (int) wait.toMillis());
      socket.setSoTimeout((int) wait.toMillis());
      String first =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      if (first == null || !first.startsWith("INFO ")) {
        return Optional.of(
            "something answers there, but not a NATS server (its first line: '"
                + (first == null ? "" : first.substring(0, Math.min(first.length(), 60)))
                + "')");
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(describe(e, wait));
    }
  }

  private static String describe(Exception e, Duration wait) {
    if (e instanceof UnknownHostException) {
      return "unknown host " + e.getMessage();
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof SocketTimeoutException || e instanceof java.net.http.HttpTimeoutException) {
      return "no answer within " + wait.toSeconds() + " s";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static BadInputException unreachable(String option, String url, String problem) {
    return new BadInputException(
        Path.of(option),
        0,
        "",
        url + " cannot be reached: " + problem + " (start the mesh, or correct " + option + ")");
  }
}
