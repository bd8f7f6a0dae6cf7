package dev.meshcheck.load.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The wire client's connect handshake against a scripted loopback server. */
class WireConnectionTest {
  @Test
  void aRefusedConnectFailsWithTheServersWordsAndSendsCredentialsFromTheUrl() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> connectLine =
          scriptedServer(server, "-ERR 'Authorization Violation'");
      String url = "nats://alice:s%3Dcret@127.0.0.1:" + server.getLocalPort();
      assertThatThrownBy(() -> WireConnection.open(url, "meshcheck-t", Duration.ofSeconds(2)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("refused the connection: Authorization Violation");
      assertThat(connectLine.get(2, TimeUnit.SECONDS))
          .startsWith("CONNECT {")
          .contains("\"verbose\":false", "\"echo\":true", "\"name\":\"meshcheck-t\"")
          .contains("\"user\":\"alice\"", "\"pass\":\"s=cret\"");
    }
  }

  @Test
  void setupOperationsGoBetweenConnectAndPingAndTheAdvertisedServersAreKept() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<List<String>> lines =
          CompletableFuture.supplyAsync(
              () -> {
                try (Socket client = server.accept()) {
                  client.setSoTimeout(2000);
                  OutputStream out = client.getOutputStream();
                  out.write(
                      "INFO {\"connect_urls\":[\"127.0.0.1:4002\"]}\r\n"
                          .getBytes(StandardCharsets.US_ASCII));
                  var in =
                      new BufferedReader(
                          new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                  List<String> seen = new ArrayList<>();
                  for (String line = in.readLine(); !"PING".equals(line); line = in.readLine()) {
                    seen.add(line);
                  }
                  out.write("PONG\r\n".getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                  in.readLine(); // until the client closes
                  return seen;
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      String url = "nats://127.0.0.1:" + server.getLocalPort();
      byte[] resubscribe = "SUB svc.a workers 1\r\n".getBytes(StandardCharsets.US_ASCII);
      try (WireConnection connection =
          WireConnection.open(url, "t", Duration.ofSeconds(2), resubscribe)) {
        assertThat(connection.advertisedUrls()).containsExactly("127.0.0.1:4002");
      }
      assertThat(lines.get(2, TimeUnit.SECONDS))
          .as("the PONG that ends the connect also confirms the subscription")
          .hasSize(2)
          .last()
          .isEqualTo("SUB svc.a workers 1");
    }
  }

  @Test
  void aServerThatNeverAnswersFailsTheConnectAtTheTimeout() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String url = "nats://127.0.0.1:" + server.getLocalPort();
      assertThatThrownBy(() -> WireConnection.open(url, "t", Duration.ofMillis(300)))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void tlsUrlsAreRefusedWithAReason() {
    assertThatThrownBy(() -> WireConnection.open("tls://127.0.0.1:1", "t", Duration.ofSeconds(1)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no TLS");
  }

  /** Sends INFO, reads CONNECT and PING, answers {@code reply}; completes with the CONNECT line. */
  private static CompletableFuture<String> scriptedServer(ServerSocket server, String reply) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Socket client = server.accept()) {
            client.setSoTimeout(2000);
            OutputStream out = client.getOutputStream();
            out.write("INFO {\"server_id\":\"fake\"}\r\n".getBytes(StandardCharsets.US_ASCII));
            var in =
                new BufferedReader(
                    new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            String connect = in.readLine();
            in.readLine(); // PING
            out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return connect;
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
