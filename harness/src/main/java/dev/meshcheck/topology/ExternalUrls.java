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
import java.time.Duration;

/**
 * Checks the URLs of a mesh that already runs ({@code --url}, {@code --monitor-url}) before a
 * command relies on them, so that a typo or a mesh that is down is one line up front instead of a
 * failed run. Stateless.
 */
final class ExternalUrls {
  /** A NATS server sends its INFO at once; seconds of silence mean something else listens. */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

  private static final int DEFAULT_CLIENT_PORT = 4222;

  private ExternalUrls() {}

  /**
   * Connects to {@code url} and reads the INFO line a NATS server greets every client with (for a
   * {@code tls://} URL only connects: a server may await the TLS handshake first).
   *
   * @throws BadInputException naming {@code --url}, the URL and what was seen
   */
  static void requireNatsServer(String url) {
    URI uri = parse("--url", url, "nats://127.0.0.1:4222");
    int port = uri.getPort() > 0 ? uri.getPort() : DEFAULT_CLIENT_PORT;
    try (Socket socket = connect("--url", url, uri.getHost(), port)) {
      if ("tls".equalsIgnoreCase(uri.getScheme())) {
        return;
      }
      socket.setSoTimeout((int) PROBE_TIMEOUT.toMillis());
      String greeting =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      if (greeting == null) {
        throw notNats(url, "it closed the connection without the INFO a NATS server sends");
      }
      if (!greeting.startsWith("INFO ")) {
        throw notNats(url, "it answered '" + shortened(greeting) + "' instead of a NATS INFO");
      }
    } catch (SocketTimeoutException e) {
      throw notNats(
          url,
          "it accepted the connection but sent no NATS INFO within "
              + PROBE_TIMEOUT.toSeconds()
              + " s");
    } catch (IOException e) {
      throw BadInputException.option("--url", url + ": cannot be read: " + e.getMessage());
    }
  }

  /**
   * Connects to the monitoring port of {@code url}; readiness is awaited later, over HTTP.
   *
   * @throws BadInputException naming {@code --monitor-url}, the URL and what was seen
   */
  static void requireListening(String url) {
    URI uri = parse("--monitor-url", url, "http://127.0.0.1:8222");
    int port = uri.getPort() > 0 ? uri.getPort() : 80;
    try (Socket socket = connect("--monitor-url", url, uri.getHost(), port)) {
      // Listening is all this checks.
    } catch (IOException e) {
      throw BadInputException.option("--monitor-url", url + ": " + e.getMessage());
    }
  }

  private static URI parse(String option, String url, String example) {
    try {
      URI uri = URI.create(url.trim());
      if (uri.getScheme() != null && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // reported below, with an example
    }
    throw BadInputException.option(
        option, "must be a URL such as " + example + ", was '" + url + "'");
  }

  private static Socket connect(String option, String url, String host, int port)
      throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), (int) PROBE_TIMEOUT.toMillis());
      return socket;
    } catch (ConnectException e) {
      socket.close();
      throw BadInputException.option(
          option, url + ": nothing listens there (connection refused); is the mesh running?");
    } catch (UnknownHostException e) {
      socket.close();
      throw BadInputException.option(option, url + ": unknown host '" + host + "'");
    } catch (SocketTimeoutException e) {
      socket.close();
      throw BadInputException.option(
          option, url + ": no answer to a connection within " + PROBE_TIMEOUT.toSeconds() + " s");
    }
  }

  private static BadInputException notNats(String url, String seen) {
    return BadInputException.option(
        "--url", url + ": not a NATS server: " + seen + " (another program on that port?)");
  }

  private static String shortened(String line) {
    String printable = line.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
  }
}
