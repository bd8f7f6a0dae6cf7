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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a --url is taken for, by the first thing a server on it says. */
class ExternalUrlsTest {
  private ServerSocket server;

  @AfterEach
  void closeServer() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aServerThatGreetsWithInfoIsANatsServer() throws IOException {
    String url = greetingWith("INFO {\"server_id\":\"x\",\"version\":\"2.9.10\"}\r\n");

    assertThatCode(() -> ExternalUrls.requireNatsServer(url)).doesNotThrowAnyException();
  }

  @Test
  void aServerThatGreetsWithSomethingElseIsNamedAsNoNatsServer() throws IOException {
    String url = greetingWith("SSH-2.0-OpenSSH_9.2\r\n");

    assertThatThrownBy(() -> ExternalUrls.requireNatsServer(url))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            "--url: "
                + url
                + ": not a NATS server: it answered 'SSH-2.0-OpenSSH_9.2' instead of a NATS INFO"
                + " (another program on that port?)");
  }

  @Test
  void aServerThatHangsUpAtOnceIsNoNatsServer() throws IOException {
    String url = greetingWith("");

    assertThatThrownBy(() -> ExternalUrls.requireNatsServer(url))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("it closed the connection without the INFO a NATS server sends");
  }

  @Test
  void aUrlThatIsNoUrlSaysWhatOneLooksLike() {
    assertThatThrownBy(() -> ExternalUrls.requireNatsServer("127.0.0.1:4222"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("--url: must be a URL such as nats://127.0.0.1:4222, was '127.0.0.1:4222'");
  }

  /** A one-connection server that says {@code greeting} and hangs up. */
  private String greetingWith(String greeting) throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Thread answer =
        new Thread(
            () -> {
              try (Socket client = server.accept();
                  OutputStream out = client.getOutputStream()) {
                out.write(greeting.getBytes(StandardCharsets.US_ASCII));
              } catch (IOException closed) {
                // The test is over.
              }
            },
            "greeting-server");
    answer.setDaemon(true);
    answer.start();
    return "nats://127.0.0.1:" + server.getLocalPort();
  }
}
