package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshcheck.scenario.BadInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An external mesh's URLs are checked before a run: a NATS server must answer each one. */
class ExternalMeshProbeTest {
  private static final Duration WAIT = Duration.ofSeconds(2);

  @Test
  void aPortNobodyListensOnIsRefusedNamingTheOptionAndTheUrl() {
    assertThatThrownBy(
            () ->
                ExternalMeshProbe.requireReachable(List.of("nats://127.0.0.1:1"), List.of(), WAIT))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            "--url: nats://127.0.0.1:1 cannot be reached: connection refused (start the mesh, or"
                + " correct --url)");
  }

  @Test
  void aServerThatIsNotNatsIsRefused() throws Exception {
    try (ServerSocket http = answering("HTTP/1.1 400 Bad Request\r\n\r\n")) {
      String url = "nats://127.0.0.1:" + http.getLocalPort();

      assertThatThrownBy(() -> ExternalMeshProbe.requireReachable(List.of(url), List.of(), WAIT))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining(url + " cannot be reached: something answers there, but not a NATS")
          .hasMessageContaining("'HTTP/1.1 400 Bad Request'");
    }
  }

  @Test
  void aServerThatGreetsWithInfoIsReachableAndAnUnreachableMonitorUrlIsNot() throws Exception {
    try (ServerSocket nats = answering("INFO {\"server_id\":\"x\"}\r\n")) {
      String url = "127.0.0.1:" + nats.getLocalPort();

      assertThatCode(() -> ExternalMeshProbe.requireReachable(List.of(url), List.of(), WAIT))
          .as("a URL without a scheme means nats://")
          .doesNotThrowAnyException();
      assertThatThrownBy(
              () ->
                  ExternalMeshProbe.requireReachable(
                      List.of(url), List.of("http://127.0.0.1:1"), WAIT))
          .isInstanceOf(BadInputException.class)
          .hasMessageStartingWith("--monitor-url: http://127.0.0.1:1 cannot be reached");
    }
  }

  /** A one-thread server that writes {@code greeting} to every connection and closes it. */
  private static ServerSocket answering(String greeting) throws IOException {
    ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (Socket client = server.accept()) {
                  OutputStream out = client.getOutputStream();
                  out.write(greeting.getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                } catch (IOException closed) {
                  return;
                }
              }
            },
            "probe-test-server");
    acceptor.setDaemon(true);
    acceptor.start();
    return server;
  }
}
