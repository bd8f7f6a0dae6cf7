package dev.meshcheck.load;

import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * Parses what a NATS server sends on the core text protocol ({@code INFO}, {@code MSG}, {@code
 * PING}, {@code PONG}, {@code +OK}, {@code -ERR}) in place, from a byte array, without copying
 * payloads. Operations may arrive split anywhere: {@link #parse} consumes only complete ones and
 * says where the first incomplete one starts. Stateless, so thread-safe.
 *
 * <pre>{@code
 * int consumed = ServerProtocolParser.parse(buffer, 0, filled, listener);
 * // keep buffer[consumed, filled) and read more behind it
 * }</pre>
 */
final class ServerProtocolParser {
  /** Receives parsed operations, on the parsing thread. */
  interface Listener {
    /** A {@code MSG}: its payload is {@code length} bytes of {@code buffer} from {@code offset}. */
    void onMessage(byte[] buffer, int offset, int length);

    void onPing();

    void onPong();

    /** A {@code -ERR}, with the server's words (quotes removed). */
    void onError(String serverMessage);

    /** An {@code INFO}, with its JSON. */
    default void onInfo(String json) {}
  }

  private ServerProtocolParser() {}

  /**
   * Parses the complete operations in {@code buffer[from, to)}; returns the index of the first byte
   * not consumed ({@code to} when everything was).
   *
   * @throws ProtocolException on an operation the server should never send
   */
  static int parse(byte[] buffer, int from, int to, Listener listener) throws IOException {
    int position = from;
    while (position < to) {
      int newline = indexOf(buffer, (byte) '\n', position, to);
      if (newline < 0) {
        return position;
      }
      int lineEnd = newline > position && buffer[newline - 1] == '\r' ? newline - 1 : newline;
      int next = newline + 1;
      byte first = (byte) (buffer[position] | 0x20); // lower-case letters
      if (first == 'm') {
        int length = payloadLength(buffer, position, lineEnd);
        if (next + length + 2 > to) {
          return position;
        }
        if (buffer[next + length] != '\r' || buffer[next + length + 1] != '\n') {
          throw new ProtocolException("a MSG payload is not followed by CRLF");
        }
        listener.onMessage(buffer, next, length);
        next += length + 2;
      } else {
        control(text(buffer, position, lineEnd), listener);
      }
      position = next;
    }
    return position;
  }

  private static void control(String line, Listener listener) throws ProtocolException {
    String upper = line.toUpperCase(java.util.Locale.ROOT);
    if (upper.equals("PING")) {
      listener.onPing();
    } else if (upper.equals("PONG")) {
      listener.onPong();
    } else if (upper.equals("+OK")) {
      return;
    } else if (upper.startsWith("-ERR")) {
      listener.onError(line.substring(4).trim().replace("'", ""));
    } else if (upper.startsWith("INFO")) {
      listener.onInfo(line.substring(4).trim());
    } else {
      throw new ProtocolException("unexpected operation from the server: " + abbreviate(line));
    }
  }

  /** The last token of {@code MSG <subject> <sid> [reply-to] <#bytes>}. */
  private static int payloadLength(byte[] buffer, int start, int lineEnd) throws ProtocolException {
    int end = lineEnd;
    while (end > start && buffer[end - 1] == ' ') {
      end--;
    }
    int length = 0;
    int digitStart = end;
    while (digitStart > start && buffer[digitStart - 1] >= '0' && buffer[digitStart - 1] <= '9') {
      length = length + (buffer[digitStart - 1] - '0') * pow10(end - digitStart);
      digitStart--;
    }
    boolean isMsg =
        lineEnd - start > 4
            && (buffer[start + 1] | 0x20) == 's'
            && (buffer[start + 2] | 0x20) == 'g'
            && buffer[start + 3] == ' ';
    if (!isMsg || digitStart == end || end - digitStart > 9 || buffer[digitStart - 1] != ' ') {
      throw new ProtocolException(
          "malformed MSG line from the server: " + abbreviate(text(buffer, start, lineEnd)));
    }
    return length;
  }

  private static int pow10(int exponent) {
    int value = 1;
    for (int i = 0; i < exponent; i++) {
      value *= 10;
    }
    return value;
  }

  private static int indexOf(byte[] buffer, byte wanted, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buffer[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static String text(byte[] buffer, int from, int to) {
    return new String(buffer, from, to - from, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String line) {
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
