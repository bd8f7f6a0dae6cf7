package dev.meshcheck.topology.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy on its own, between two plain sockets of this JVM on 127.0.0.1. */
class FaultProxyTest {
  private ServerSocket target;
  private FaultProxy proxy;

  @BeforeEach
  void openTargetAndProxy() throws IOException {
    target = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    proxy =
        FaultProxy.open(
            "test",
            () -> new InetSocketAddress(InetAddress.getLoopbackAddress(), target.getLocalPort()),
            42);
  }

  @AfterEach
  void close() throws IOException {
    proxy.close();
    target.close();
  }

  @Test
  void forwardsBothWaysWithNoFault() throws IOException {
    try (Socket client = dial();
        Socket server = target.accept()) {
      client.getOutputStream().write("ping".getBytes());
      assertThat(server.getInputStream().readNBytes(4)).isEqualTo("ping".getBytes());
      server.getOutputStream().write("pong".getBytes());
      assertThat(client.getInputStream().readNBytes(4)).isEqualTo("pong".getBytes());
    }
  }

  @Test
  void bandwidthLimitPacesABulkTransferToTheLimit() throws Exception {
    long limit = 512 * 1024;
    proxy.apply(LinkFault.bandwidth(limit));
    try (Socket client = dial();
        Socket server = target.accept()) {
      byte[] chunk = new byte[16 * 1024];
      int total = 1024 * 1024;
      Thread writer =
          new Thread(
              () -> {
                try {
                  OutputStream out = server.getOutputStream();
                  for (int sent = 0; sent < total; sent += chunk.length) {
                    out.write(chunk);
                  }
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      writer.start();
      InputStream in = client.getInputStream();
      in.readNBytes(chunk.length);
      long start = System.nanoTime();
      int rest = in.readNBytes(total - chunk.length).length;
      double rate = rest * 1e9 / (System.nanoTime() - start);
      writer.join();

      assertThat(rate)
          .as("bytes/s through a %d bytes/s limit", limit)
          .isBetween(0.9 * limit, 1.03 * limit);
    }
  }

  @Test
  void latencyDelaysEachDirectionByHalfTheRoundTrip() throws Exception {
    proxy.apply(LinkFault.latency(Duration.ofMillis(40), Duration.ZERO));
    try (Socket client = dial();
        Socket server = target.accept()) {
      long start = System.nanoTime();
      client.getOutputStream().write(1);
      server.getInputStream().read();
      server.getOutputStream().write(2);
      client.getInputStream().read();
      Duration roundTrip = Duration.ofNanos(System.nanoTime() - start);

      assertThat(roundTrip).isBetween(Duration.ofMillis(40), Duration.ofMillis(60));
    }
  }

  @Test
  void blackholeHoldsBytesUntilHealedThenDeliversThemInOrder() throws Exception {
    try (Socket client = dial();
        Socket server = target.accept()) {
      server.setSoTimeout(300);
      proxy.apply(LinkFault.blackhole());
      client.getOutputStream().write("held".getBytes());

      assertThatThrownBy(() -> server.getInputStream().read())
          .as("a read across the blackhole")
          .isInstanceOf(java.net.SocketTimeoutException.class);

      proxy.clear(LinkFaultKind.BLACKHOLE);
      assertThat(server.getInputStream().readNBytes(4)).isEqualTo("held".getBytes());
    }
  }

  @Test
  void resetClosesBothSidesWithAnRstAndLetsNewConnectionsThrough() throws Exception {
    try (Socket client = dial();
        Socket server = target.accept()) {
      client.getOutputStream().write(1);
      server.getInputStream().read();

      proxy.resetConnections();

      assertThatThrownBy(() -> client.getInputStream().read())
          .as("the dialer's next read")
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("reset");
      assertThat(proxy.openConnections()).isZero();
    }
    try (Socket again = dial();
        Socket server = target.accept()) {
      again.getOutputStream().write(7);
      assertThat(server.getInputStream().read()).isEqualTo(7);
    }
  }

  @Test
  void closingTheProxyRefusesNewDialersAndEndsItsThreads() throws Exception {
    Socket client = dial();
    target.accept().close();
    proxy.close();

    assertThatThrownBy(this::dial).isInstanceOf(IOException.class);
    assertThat(
            Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("meshcheck-proxy-test")))
        .isEmpty();
    client.close();
  }

  private Socket dial() throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.port()), 1000);
    socket.setTcpNoDelay(true);
    return socket;
  }
}
