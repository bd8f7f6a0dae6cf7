package dev.meshcheck.load.wire;

import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * Parses what a NATS server sends on the core text protocol ({@code INFO}, {@code MSG}, {@code
 * HMSG}, {@code PING}, {@code PONG}, {@code +OK}, {@code -ERR}) in place, from a byte array,
 * without copying payloads. Operations may arrive split anywhere: {@link #parse} consumes only
 * complete ones and says where the first incomplete one starts. Stateless, so thread-safe.
 *
 * <pre>{@code
 * int consumed = ServerProtocolParser.parse(buffer, 0, filled, listener);
 * // keep buffer[consumed, filled) and read more behind it
 * }</pre>
 */
final class ServerProtocolParser {
  /** Receives parsed operations, on the parsing thread. */
  interface Listener {
    /**
     * A socket read returned; the operations it completed follow. Called by {@link WireInput}, not
     * by {@link #parse}.
     */
    default void onBytesRead() {}

    /** A {@code MSG}: its payload is {@code length} bytes of {@code buffer} from {@code offset}. */
    void onMessage(byte[] buffer, int offset, int length);

    /**
     * A {@code MSG} with a reply subject ({@code replyLength} ASCII bytes of {@code buffer} from
     * {@code replyOffset}); by default handled like one without.
     */
    default void onMessageWithReply(
        byte[] buffer, int replyOffset, int replyLength, int offset, int length) {
      onMessage(buffer, offset, length);
    }

    /**
     * An {@code HMSG}: {@code headerLength} bytes of headers from {@code headerOffset} (see {@link
     * #statusCode}), then the payload; by default only the payload is handled.
     */
    default void onHeaderedMessage(
        byte[] buffer, int headerOffset, int headerLength, int offset, int length) {
      onMessage(buffer, offset, length);
    }

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
      if (first == 'm' || first == 'h') {
        int end = messageEnd(buffer, position, lineEnd, next, to, listener);
        if (end < 0) {
          return position;
        }
        next = end;
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

  /**
   * Hands a complete {@code MSG <subject> <sid> [reply-to] <#bytes>} or {@code HMSG <subject> <sid>
   * [reply-to] <#header bytes> <#total bytes>} to the listener; returns where the next operation
   * starts, or -1 when the payload is not all buffered yet.
   */
  private static int messageEnd(
      byte[] buffer, int start, int lineEnd, int payloadStart, int to, Listener listener)
      throws ProtocolException {
    boolean headered = (buffer[start] | 0x20) == 'h';
    int opLength = headered ? 4 : 3;
    if (lineEnd - start <= opLength
        || !isOperation(buffer, start, headered ? "hmsg" : "msg")
        || buffer[start + opLength] != ' ') {
      throw malformed(buffer, start, lineEnd);
    }
    int end = trimEnd(buffer, start, lineEnd);
    int totalStart = tokenStart(buffer, start, end);
    int total = number(buffer, totalStart, end, start, lineEnd);
    int fieldsEnd = totalStart;
    int headerBytes = 0;
    if (headered) {
      int headerEnd = trimEnd(buffer, start, totalStart);
      fieldsEnd = tokenStart(buffer, start, headerEnd);
      headerBytes = number(buffer, fieldsEnd, headerEnd, start, lineEnd);
      if (headerBytes > total) {
        throw malformed(buffer, start, lineEnd);
      }
    }
    // Tokens before the size(s): op, subject, sid and maybe a reply subject.
    int tokens = countTokens(buffer, start, fieldsEnd);
    if (tokens != 3 && tokens != 4) {
      throw malformed(buffer, start, lineEnd);
    }
    if (payloadStart + total + 2 > to) {
      return -1;
    }
    if (buffer[payloadStart + total] != '\r' || buffer[payloadStart + total + 1] != '\n') {
      throw new ProtocolException("a MSG payload is not followed by CRLF");
    }
    int payload = payloadStart + headerBytes;
    int payloadLength = total - headerBytes;
    if (headered) {
      listener.onHeaderedMessage(buffer, payloadStart, headerBytes, payload, payloadLength);
    } else if (tokens == 4) {
      int replyEnd = trimEnd(buffer, start, fieldsEnd);
      int replyStart = tokenStart(buffer, start, replyEnd);
      listener.onMessageWithReply(
          buffer, replyStart, replyEnd - replyStart, payload, payloadLength);
    } else {
      listener.onMessage(buffer, payload, payloadLength);
    }
    return payloadStart + total + 2;
  }

  /**
   * The status code of an {@code HMSG}'s headers ({@code NATS/1.0 503} gives 503), or 0 when the
   * first line carries none.
   */
  static int statusCode(byte[] buffer, int headerOffset, int headerLength) {
    int end = headerOffset + headerLength;
    int position = headerOffset + "NATS/1.0".length();
    if (position >= end || !isOperation(buffer, headerOffset, "nats/1.0")) {
      return 0;
    }
    while (position < end && buffer[position] == ' ') {
      position++;
    }
    int code = 0;
    int digits = 0;
    while (position < end && digits < 3 && buffer[position] >= '0' && buffer[position] <= '9') {
      code = code * 10 + buffer[position++] - '0';
      digits++;
    }
    return digits == 3 ? code : 0;
  }

  private static boolean isOperation(byte[] buffer, int start, String lowerCaseName) {
    for (int i = 0; i < lowerCaseName.length(); i++) {
      if ((buffer[start + i] | 0x20) != lowerCaseName.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int trimEnd(byte[] buffer, int start, int end) {
    while (end > start && buffer[end - 1] == ' ') {
      end--;
    }
    return end;
  }

  private static int tokenStart(byte[] buffer, int start, int end) {
    int position = end;
    while (position > start && buffer[position - 1] != ' ') {
      position--;
    }
    return position;
  }

  private static int countTokens(byte[] buffer, int start, int end) {
    int tokens = 0;
    boolean inToken = false;
    for (int i = start; i < end; i++) {
      boolean space = buffer[i] == ' ';
      if (!space && !inToken) {
        tokens++;
      }
      inToken = !space;
    }
    return tokens;
  }

  private static int number(byte[] buffer, int from, int to, int lineStart, int lineEnd)
      throws ProtocolException {
    if (from == to || to - from > 9) {
      throw malformed(buffer, lineStart, lineEnd);
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      if (buffer[i] < '0' || buffer[i] > '9') {
        throw malformed(buffer, lineStart, lineEnd);
      }
      value = value * 10 + buffer[i] - '0';
    }
    return value;
  }

  private static ProtocolException malformed(byte[] buffer, int start, int lineEnd) {
    return new ProtocolException(
        "malformed MSG line from the server: " + abbreviate(text(buffer, start, lineEnd)));
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
