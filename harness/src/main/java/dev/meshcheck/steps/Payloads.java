package dev.meshcheck.steps;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The payloads the harness sends, so receivers can tell who sent a message, its sequence number,
 * and whether it is a sync marker rather than traffic under test. Stateless.
 *
 * <ul>
 *   <li>traffic: {@code msg;<publisher>;<seq>} (seq from 1)
 *   <li>sync marker: {@code marker;<id>}
 *   <li>service reply: {@code reply;<service>#<member>;<node>;<cluster>}
 * </ul>
 */
final class Payloads {
  private Payloads() {}

  record Traffic(String publisher, long seq) {}

  static byte[] traffic(String publisher, long seq) {
    return ("msg;" + publisher + ";" + seq).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] marker(String id) {
    return ("marker;" + id).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] reply(String member, String node, String cluster) {
    return ("reply;" + member + ";" + node + ";" + cluster).getBytes(StandardCharsets.UTF_8);
  }

  static Optional<Traffic> asTraffic(byte[] data) {
    String[] parts = fields(data);
    if (parts.length == 3 && parts[0].equals("msg")) {
      try {
        return Optional.of(new Traffic(parts[1], Long.parseLong(parts[2])));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  static Optional<String> asMarker(byte[] data) {
    String[] parts = fields(data);
    return parts.length == 2 && parts[0].equals("marker")
        ? Optional.of(parts[1])
        : Optional.empty();
  }

  static Optional<ServiceReply> asReply(byte[] data) {
    String[] parts = fields(data);
    return parts.length == 4 && parts[0].equals("reply")
        ? Optional.of(new ServiceReply(parts[1], parts[2], parts[3]))
        : Optional.empty();
  }

  private static String[] fields(byte[] data) {
    return data == null ? new String[0] : new String(data, StandardCharsets.UTF_8).split(";", -1);
  }
}
