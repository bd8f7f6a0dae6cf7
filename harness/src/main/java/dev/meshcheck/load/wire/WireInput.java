package dev.meshcheck.load.wire;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The reading side of a wire connection: reads the stream into one big array and hands complete
 * operations to a {@link ServerProtocolParser.Listener}; an incomplete tail is moved to the front
 * and completed by the next read, and the array grows when one operation does not fit. One thread
 * at a time.
 */
final class WireInput {
  private final InputStream in;
  private byte[] buffer;
  private int filled;

  WireInput(InputStream in, int initialBytes) {
    this.in = in;
    this.buffer = new byte[initialBytes];
  }

  /**
   * Blocks for one read and parses every complete operation buffered.
   *
   * @throws EOFException when the server closed the connection
   */
  void readAndParse(ServerProtocolParser.Listener listener) throws IOException {
    if (filled == buffer.length) {
      grow();
    }
    int read = in.read(buffer, filled, buffer.length - filled);
    if (read < 0) {
      throw new EOFException("the server closed the connection");
    }
    filled += read;
    listener.onBytesRead();
    int consumed = ServerProtocolParser.parse(buffer, 0, filled, listener);
    if (consumed > 0) {
      System.arraycopy(buffer, consumed, buffer, 0, filled - consumed);
      filled -= consumed;
    }
  }

  private void grow() {
    byte[] bigger = new byte[buffer.length * 2];
    System.arraycopy(buffer, 0, bigger, 0, filled);
    buffer = bigger;
  }
}
