package dev.meshcheck.steps;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Speaks to one port of a node below any client library, to see what the server itself does: what
 * it answers a plaintext client, and whether it completes a TLS handshake. A nats-server 2.9 sends
 * its INFO in plaintext to clients before their TLS handshake, and none to route and gateway peers
 * before theirs; both are handled. Stateless; each call opens and closes its own socket.
 */
final class TlsProbe {
  /** How long the server's first line may take: a TLS-first port sends nothing. */
  private static final Duration FIRST_LINE_WAIT = Duration.ofMillis(300);

  /** What a plaintext client saw: the server's first line, and what followed CONNECT and PING. */
  record PlaintextOutcome(String firstLine, String afterPing, boolean closed) {
    boolean answeredPong() {
      return afterPing.contains("PONG");
    }

    String describe() {
      return "first line '"
          + firstLine.strip()
          + "', after CONNECT and PING '"
          + afterPing.strip()
          + "', connection "
          + (closed ? "closed by the server" : "still open");
    }
  }

  private final Duration deadline;

  TlsProbe(Duration deadline) {
    this.deadline = deadline;
  }

  /**
   * Connects without TLS, reads what the server says first, sends {@code CONNECT} and {@code PING}
   * in plaintext and reads until the server closes the connection or the deadline passes.
   */
  PlaintextOutcome plaintextClient(String host, int port) throws IOException {
    try (Socket socket = connect(host, port)) {
      String firstLine = readFirstLine(socket);
      socket
          .getOutputStream()
          .write("CONNECT {\"verbose\":false}\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      ByteArrayOutputStream after = new ByteArrayOutputStream();
      boolean closed = readUntilClosedOrPong(socket, after);
      return new PlaintextOutcome(firstLine, printable(after.toByteArray()), closed);
    }
  }

  /**
   * Completes a TLS handshake with {@code context} on the port (after the plaintext INFO where the
   * server sends one), or throws what failed.
   *
   * @return the protocol the handshake agreed on, such as {@code TLSv1.3}
   */
  String handshake(String host, int port, SSLContext context) throws IOException {
    try (Socket plain = connect(host, port)) {
      readFirstLine(plain);
      plain.setSoTimeout((int) deadline.toMillis());
      try (SSLSocket tls =
          (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true)) {
        tls.startHandshake();
        return tls.getSession().getProtocol();
      }
    }
  }

  private Socket connect(String host, int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(host, port), (int) deadline.toMillis());
    return socket;
  }

  /** The first line, when the server sends one soon; empty when it waits for the client. */
  private static String readFirstLine(Socket socket) throws IOException {
    socket.setSoTimeout((int) FIRST_LINE_WAIT.toMillis());
    InputStream in = socket.getInputStream();
    StringBuilder line = new StringBuilder();
    try {
      int b;
      while ((b = in.read()) >= 0) {
        line.append((char) b);
        if (b == '\n') {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      // A TLS-first port (routes, gateways) waits for the client's hello.
    }
    return line.toString();
  }

  private boolean readUntilClosedOrPong(Socket socket, ByteArrayOutputStream after)
      throws IOException {
    long end = System.nanoTime() + deadline.toNanos();
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[4096];
    while (System.nanoTime() < end) {
      socket.setSoTimeout((int) Math.max(1, (end - System.nanoTime()) / 1_000_000));
      int read;
      try {
        read = in.read(buffer);
      } catch (SocketTimeoutException e) {
        return false;
      } catch (IOException e) {
        return true; // reset by the server
      }
      if (read < 0) {
        return true;
      }
      after.write(buffer, 0, read);
      if (after.toString(StandardCharsets.ISO_8859_1).contains("PONG")) {
        return false;
      }
    }
    return false;
  }

  /**
   * Protocol text as it is; a TLS alert or other binary as hex, so a failure message can show it.
   */
  private static String printable(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    for (byte b : bytes) {
      int c = b & 0xff;
      if (c >= 0x20 && c < 0x7f || c == '\r' || c == '\n') {
        text.append((char) c);
      } else {
        text.append(String.format("\\x%02x", c));
      }
    }
    return text.toString();
  }
}
