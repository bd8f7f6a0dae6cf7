package dev.meshcheck.load.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The wire client's reading side, fed a fake server byte stream cut into arbitrary reads. */
class WireInputTest {
  private static final String STREAM =
      "INFO {\"server_id\":\"x\",\"max_payload\":1048576}\r\n"
          + "MSG a.b 1 5\r\nhello\r\n"
          + "PING\r\n"
          + "MSG a.b 1 _INBOX.r 0\r\n\r\n"
          + "MSG a.b 1 12\r\nline\r\nbreaks\r\n"
          + "PONG\r\n"
          + "-ERR 'Permissions Violation for Subscription to \"a.c\"'\r\n"
          + "+OK\r\n"
          + "msg a.b 1 3\r\nxyz\r\n";

  @Test
  void readsEveryOperationWhateverTheReadBoundaries() throws IOException {
    byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
    for (int chunk = 1; chunk <= bytes.length; chunk++) {
      assertThat(readAll(new ChunkedStream(bytes, chunk), 16))
          .as("reads of %d bytes", chunk)
          .containsExactly(
              "INFO",
              "MSG hello",
              "PING",
              "MSG ",
              "MSG line\r\nbreaks",
              "PONG",
              "ERR Permissions Violation for Subscription to \"a.c\"",
              "MSG xyz");
    }
  }

  @Test
  void aPayloadLargerThanTheBufferMakesItGrow() throws IOException {
    byte[] payload = new byte[100_000];
    new Random(7).nextBytes(payload);
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.writeBytes(("MSG big 1 " + payload.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
    stream.writeBytes(payload);
    stream.writeBytes("\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
    List<byte[]> payloads = new ArrayList<>();
    Recording listener = new Recording();
    listener.payloads = payloads;
    WireInput input = new WireInput(new ChunkedStream(stream.toByteArray(), 4096), 1024);
    assertThatThrownBy(() -> readForever(input, listener)).isInstanceOf(EOFException.class);
    assertThat(payloads).hasSize(1);
    assertThat(payloads.get(0)).isEqualTo(payload);
    assertThat(listener.operations).containsExactly("MSG <binary>", "PING");
  }

  @Test
  void aPayloadNotEndedByCrlfIsAProtocolError() {
    byte[] bytes = "MSG a 1 3\r\nabcd\r\n".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> readAll(new ChunkedStream(bytes, 64), 64))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("CRLF");
  }

  @Test
  void anUnknownOperationIsAProtocolErrorNamingIt() {
    byte[] bytes = "HELLO there\r\n".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> readAll(new ChunkedStream(bytes, 64), 64))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("HELLO there");
  }

  @Test
  void aMsgLineWithoutALengthIsAProtocolError() {
    byte[] bytes = "MSG a 1 x\r\nabc\r\n".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> readAll(new ChunkedStream(bytes, 64), 64))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("malformed MSG");
  }

  private static List<String> readAll(InputStream in, int bufferBytes) throws IOException {
    Recording listener = new Recording();
    WireInput input = new WireInput(in, bufferBytes);
    try {
      readForever(input, listener);
    } catch (EOFException endOfStream) {
      return listener.operations;
    }
    throw new AssertionError("unreachable");
  }

  private static void readForever(WireInput input, Recording listener) throws IOException {
    for (int reads = 0; reads < 1_000_000; reads++) {
      input.readAndParse(listener);
    }
  }

  private static final class Recording implements ServerProtocolParser.Listener {
    private final List<String> operations = new ArrayList<>();
    private List<byte[]> payloads;

    @Override
    public void onMessage(byte[] buffer, int offset, int length) {
      if (payloads != null) {
        byte[] copy = new byte[length];
        System.arraycopy(buffer, offset, copy, 0, length);
        payloads.add(copy);
        operations.add("MSG <binary>");
      } else {
        operations.add("MSG " + new String(buffer, offset, length, StandardCharsets.UTF_8));
      }
    }

    @Override
    public void onPing() {
      operations.add("PING");
    }

    @Override
    public void onPong() {
      operations.add("PONG");
    }

    @Override
    public void onError(String serverMessage) {
      operations.add("ERR " + serverMessage);
    }

    @Override
    public void onInfo(String json) {
      assertThat(json).startsWith("{").endsWith("}");
      operations.add("INFO");
    }
  }

  /** Returns at most {@code chunkBytes} per read, as a socket may. */
  private static final class ChunkedStream extends InputStream {
    private final byte[] bytes;
    private final int chunkBytes;
    private int position;

    ChunkedStream(byte[] bytes, int chunkBytes) {
      this.bytes = bytes;
      this.chunkBytes = chunkBytes;
    }

    @Override
    public int read() {
      return position < bytes.length ? bytes[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
      if (position >= bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(length, chunkBytes), bytes.length - position);
      System.arraycopy(bytes, position, target, offset, n);
      position += n;
      return n;
    }
  }
}
