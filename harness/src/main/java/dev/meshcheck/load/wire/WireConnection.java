package dev.meshcheck.load.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A plain-socket connection speaking the NATS core text protocol: connects, reads {@code INFO},
 * sends {@code CONNECT} and {@code PING}, and returns once the server answered {@code PONG} (a
 * {@code -ERR} fails the connect with the server's words). One socket: no TLS, and no reconnect of
 * its own ({@link WireLink} reconnects). Writes are serialized by a lock, so whole buffers from the
 * sending thread and {@code PONG}s from a reading thread never interleave; reads belong to one
 * thread. Closing it closes the socket.
 */
final class WireConnection implements AutoCloseable {
  private static final int SOCKET_BUFFER_BYTES = 2 * 1024 * 1024;
  private static final int READ_BUFFER_BYTES = 1024 * 1024;
  private static final byte[] PING = "PING\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String url;
  private final Socket socket;
  private final OutputStream out;
  private final WireInput input;
  private final ReentrantLock writeLock = new ReentrantLock();
  private List<String> advertisedUrls = List.of();
  // Not socket.isClosed(), which takes a lock: senders ask before every message.
  private volatile boolean closed;

  private WireConnection(String url, Socket socket) throws IOException {
    this.url = url;
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.input = new WireInput(socket.getInputStream(), READ_BUFFER_BYTES);
  }

  /** Connects to {@code nats://[user:pass@]host:port} as {@code connectionName}. */
  static WireConnection open(String url, String connectionName, Duration timeout)
      throws IOException {
    return open(url, connectionName, timeout, new byte[0]);
  }

  /**
   * Connects as {@link #open(String, String, Duration)} does, and sends {@code setup} (protocol
   * operations such as {@code SUB}s) between {@code CONNECT} and the {@code PING}, so that the
   * server's {@code PONG} confirms them too.
   */
  static WireConnection open(String url, String connectionName, Duration timeout, byte[] setup)
      throws IOException {
    URI uri = URI.create(url);
    if (uri.getScheme() != null && !uri.getScheme().equals("nats")) {
      throw new IOException("the wire client speaks plain nats:// only (no TLS), not " + url);
    }
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.setReceiveBufferSize(SOCKET_BUFFER_BYTES);
      socket.setSendBufferSize(SOCKET_BUFFER_BYTES);
      socket.connect(new InetSocketAddress(uri.getHost(), port(uri)), timeoutMillis(timeout));
      WireConnection connection = new WireConnection(url, socket);
      connection.handshakeWithin(connectOptions(uri, connectionName), setup, timeout);
      return connection;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private static int port(URI uri) {
    return uri.getPort() < 0 ? 4222 : uri.getPort();
  }

  private static int timeoutMillis(Duration timeout) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
  }

  private static String connectOptions(URI uri, String name) throws IOException {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("verbose", false);
    options.put("pedantic", false);
    options.put("lang", "java");
    options.put("version", "meshcheck");
    options.put("protocol", 1);
    options.put("echo", true);
    options.put("name", name);
    // A request nobody subscribes to is then refused at once with an HMSG carrying status 503,
    // instead of silently timing out; nothing else changes for connections that send no requests.
    options.put("headers", true);
    options.put("no_responders", true);
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      options.put("user", URLDecoder.decode(user, StandardCharsets.UTF_8));
      if (colon >= 0) {
        options.put(
            "pass", URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8));
      }
    }
    return JSON.writeValueAsString(options);
  }

  /**
   * A watchdog closes the socket if the handshake outlasts {@code timeout}. Not SO_TIMEOUT: a timed
   * read switches the JDK's socket to non-blocking mode for good, and every later read that finds
   * no data would then cost a poll and a second read.
   */
  private void handshakeWithin(String connectJson, byte[] setup, Duration timeout)
      throws IOException {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(timeout.toMillis());
                close();
              } catch (InterruptedException done) {
                // The handshake finished in time.
              }
            },
            "meshcheck-wire-connect-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    try {
      handshake(connectJson, setup);
    } catch (IOException e) {
      if (socket.isClosed()) {
        throw new IOException(
            "no answer to CONNECT/PING from the server at " + url + " within " + timeout, e);
      }
      throw e;
    } finally {
      watchdog.interrupt();
    }
    try {
      watchdog.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (socket.isClosed()) {
      throw new IOException("the connect to " + url + " did not finish within " + timeout);
    }
  }

  private void handshake(String connectJson, byte[] setup) throws IOException {
    Handshake handshake = new Handshake();
    while (handshake.info == null) {
      readWithDeadline(handshake);
    }
    advertisedUrls = advertisedUrls(handshake.info);
    write(("CONNECT " + connectJson + "\r\n").getBytes(StandardCharsets.UTF_8), setup, PING);
    while (!handshake.pongSeen) {
      readWithDeadline(handshake);
    }
  }

  private void readWithDeadline(Handshake handshake) throws IOException {
    input.readAndParse(handshake);
    if (handshake.error != null) {
      throw new IOException("server at " + url + " refused the connection: " + handshake.error);
    }
  }

  /** Writes all of {@code bytes}, under the write lock. */
  void write(byte[] bytes) throws IOException {
    write(bytes, 0, bytes.length);
  }

  /** Writes {@code length} bytes from {@code offset} as one unit, under the write lock. */
  void write(byte[] bytes, int offset, int length) throws IOException {
    writeLock.lock();
    try {
      out.write(bytes, offset, length);
    } finally {
      writeLock.unlock();
    }
  }

  /** Writes the parts one after the other as one unit, under the write lock. */
  void write(byte[]... parts) throws IOException {
    writeLock.lock();
    try {
      for (byte[] part : parts) {
        out.write(part);
      }
    } finally {
      writeLock.unlock();
    }
  }

  /** Blocks for one read and hands complete operations to {@code listener}; reading thread only. */
  void readAndParse(ServerProtocolParser.Listener listener) throws IOException {
    input.readAndParse(listener);
  }

  String url() {
    return url;
  }

  /** The other client URLs the server advertised when this connected ({@code host:port}). */
  List<String> advertisedUrls() {
    return advertisedUrls;
  }

  /**
   * The client URLs ({@code host:port}) an {@code INFO}'s {@code connect_urls} lists: the other
   * nodes of the server's cluster that clients may reconnect to. Empty when it lists none.
   */
  static List<String> advertisedUrls(String infoJson) {
    try {
      JsonNode urls = JSON.readTree(infoJson).path("connect_urls");
      List<String> hostPorts = new ArrayList<>();
      urls.forEach(u -> hostPorts.add(u.asText()));
      return List.copyOf(hostPorts);
    } catch (IOException e) {
      return List.of(); // a malformed INFO teaches nothing; the connection itself still works
    }
  }

  boolean isOpen() {
    return !closed;
  }

  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      // Closing a broken socket: nothing left to release.
    }
  }

  private static final class Handshake implements ServerProtocolParser.Listener {
    private String info;
    private boolean pongSeen;
    private String error;

    @Override
    public void onInfo(String json) {
      info = json;
    }

    @Override
    public void onMessage(byte[] buffer, int offset, int length) {}

    @Override
    public void onPing() {}

    @Override
    public void onPong() {
      pongSeen = true;
    }

    @Override
    public void onError(String serverMessage) {
      error = serverMessage;
    }
  }
}
