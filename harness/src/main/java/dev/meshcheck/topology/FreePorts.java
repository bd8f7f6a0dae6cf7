package dev.meshcheck.topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on 127.0.0.1 for nats-servers to listen on, all held open together so that no two
 * calls get the same one. They are released before the servers bind them, so they are taken from
 * outside the kernel's ephemeral range where it can: meanwhile any outgoing connection on the
 * machine may be given an ephemeral port as its own, and a listening port picked from that range
 * (as {@code new ServerSocket(0)} does) was seen taken that way while tests ran side by side.
 */
final class FreePorts {
  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  // Below this lie the ports that services commonly listen on (well-known, low registered ones).
  private static final int LOWEST = 10_000;
  private static final int HIGHEST = 65_535;

  private FreePorts() {}

  static int[] onLoopback(int count) {
    List<ServerSocket> held = new ArrayList<>();
    try {
      int[] range = outsideEphemeral(count);
      int[] ports = new int[count];
      int size = range[1] - range[0] + 1;
      int next = ThreadLocalRandom.current().nextInt(size);
      for (int i = 0, tried = 0; i < count; tried++) {
        boolean anyPort = range[0] == 0;
        if (!anyPort && tried >= size) {
          throw new IOException("all of ports " + range[0] + "-" + range[1] + " are taken");
        }
        ServerSocket socket = tryListen(anyPort ? 0 : range[0] + (next + tried) % size);
        if (socket != null) {
          held.add(socket);
          ports[i++] = socket.getLocalPort();
        } else if (anyPort) {
          throw new IOException("the kernel gave no port");
        }
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    } finally {
      for (ServerSocket socket : held) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // Closing a listener that never accepted cannot lose anything.
        }
      }
    }
  }

  /**
   * The lowest and highest port to pick from: below the ephemeral range, else above it; {@code [0,
   * 0]} (any port the kernel gives) where neither leaves room or the range cannot be read.
   */
  static int[] outsideEphemeral(int count) {
    try {
      String[] bounds = readProcFile(EPHEMERAL_RANGE).trim().split("\\s+");
      return outside(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]), count);
    } catch (IOException | RuntimeException e) {
      return new int[] {0, 0}; // not Linux, or no /proc: the kernel's choice
    }
  }

  /** Room is ten times the ports asked for, so that a few taken ones do not exhaust it. */
  static int[] outside(int ephemeralLow, int ephemeralHigh, int count) {
    int room = count * 10;
    if (ephemeralLow - LOWEST >= room) {
      return new int[] {LOWEST, ephemeralLow - 1};
    }
    if (HIGHEST - ephemeralHigh >= room) {
      return new int[] {ephemeralHigh + 1, HIGHEST};
    }
    return new int[] {0, 0};
  }

  /**
   * Files.readString returns only the first byte of a sysctl file (it reports a size of 0, and the
   * JDK reads it in a way procfs answers short); a stream read to its end gets all of it.
   */
  static String readProcFile(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  private static ServerSocket tryListen(int port) {
    try {
      return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
    } catch (IOException taken) {
      return null;
    }
  }
}
