package dev.meshcheck.load.wire;

import dev.meshcheck.load.transport.ConnectionEvents;
import dev.meshcheck.load.transport.Publisher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A publisher on a {@link WireLink}: {@link #send} appends {@code PUB <subject> [reply-to]
 * <len>\r\n<payload>\r\n} to one big array on the sending thread (no allocation, no hand-off) and
 * writes the array to the socket when it is full or the sender is about to wait ({@link
 * #pushBuffered}). A reader thread answers the server's {@code PING}s, reports its {@code -ERR}s to
 * the run's {@link ConnectionEvents}, counts {@code PONG}s for {@link #flush}, hands messages
 * (replies to a requester) to its {@link Inbound}, and reconnects when the socket breaks. While it
 * reconnects, sends are refused; what the array held when the socket broke is lost. {@code send},
 * {@code pushBuffered} and {@code flush} belong to one thread at a time; closing stops the reader
 * and the socket.
 */
final class WirePublisher implements Publisher {
  /** What the reader thread does with the messages the connection receives; reader thread only. */
  interface Inbound {
    Inbound IGNORE = new Inbound() {};

    default void onMessage(byte[] buffer, int offset, int length) {}

    default void onHeaderedMessage(
        byte[] buffer, int headerOffset, int headerLength, int offset, int length) {}
  }

  private static final int OUT_BUFFER_BYTES = 256 * 1024;
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] PING = "PING\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PONG = "PONG\r\n".getBytes(StandardCharsets.US_ASCII);

  private final WireLink link;
  private final byte[] pubPrefix;
  private final byte[] out = new byte[OUT_BUFFER_BYTES];
  private final Inbound inbound;
  private final Thread reader;
  private final AtomicLong pongs = new AtomicLong();
  private final String name;
  private final ConnectionEvents events;
  private int outFilled;
  private byte[] header = new byte[0];
  private int headerPayloadBytes = -1;
  private volatile boolean closed;

  WirePublisher(WireLink link, String subject, String name, ConnectionEvents events) {
    this(link, subject, null, name, Inbound.IGNORE, events);
  }

  /** Publishes with {@code replySubject} (none when null) and hands received messages on. */
  WirePublisher(
      WireLink link,
      String subject,
      String replySubject,
      String name,
      Inbound inbound,
      ConnectionEvents events) {
    this.link = link;
    this.name = name;
    this.events = events;
    String reply = replySubject == null ? "" : replySubject + " ";
    this.pubPrefix = ("PUB " + subject + " " + reply).getBytes(StandardCharsets.US_ASCII);
    this.inbound = inbound;
    this.reader = new Thread(this::readUntilClosed, "meshcheck-wire-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  @Override
  public boolean copiesPayload() {
    return true;
  }

  @Override
  public boolean send(byte[] payload) {
    if (!link.isUp()) {
      outFilled = 0;
      return false;
    }
    byte[] line = headerFor(payload.length);
    int needed = line.length + payload.length + CRLF.length;
    if (needed > out.length - outFilled && !writeBuffered()) {
      return false;
    }
    if (needed > out.length) {
      return writeDirectly(line, payload);
    }
    System.arraycopy(line, 0, out, outFilled, line.length);
    System.arraycopy(payload, 0, out, outFilled + line.length, payload.length);
    out[outFilled + line.length + payload.length] = '\r';
    out[outFilled + line.length + payload.length + 1] = '\n';
    outFilled += needed;
    return true;
  }

  /** {@code PUB <subject> <len>\r\n}, rebuilt only when the payload size changes. */
  private byte[] headerFor(int payloadBytes) {
    if (payloadBytes != headerPayloadBytes) {
      byte[] length = (payloadBytes + "\r\n").getBytes(StandardCharsets.US_ASCII);
      header = new byte[pubPrefix.length + length.length];
      System.arraycopy(pubPrefix, 0, header, 0, pubPrefix.length);
      System.arraycopy(length, 0, header, pubPrefix.length, length.length);
      headerPayloadBytes = payloadBytes;
    }
    return header;
  }

  private boolean writeDirectly(byte[] line, byte[] payload) {
    try {
      link.write(line, payload, CRLF);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void pushBuffered() {
    writeBuffered();
  }

  private boolean writeBuffered() {
    if (outFilled == 0) {
      return link.isUp();
    }
    try {
      link.write(out, 0, outFilled);
      return true;
    } catch (IOException e) {
      return false; // what the buffer held is lost; sends are refused until the reader reconnects
    } finally {
      outFilled = 0;
    }
  }

  @Override
  public boolean flush(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long before = pongs.get();
    if (!writeBuffered()) {
      return false;
    }
    try {
      link.write(PING);
    } catch (IOException e) {
      return false;
    }
    // The server answers PINGs in order, so a PONG after ours means everything before it arrived.
    while (pongs.get() == before && link.isUp()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      LockSupport.parkNanos(200_000);
    }
    return pongs.get() > before;
  }

  private void readUntilClosed() {
    ServerProtocolParser.Listener listener = new ControlListener();
    try {
      while (!closed) {
        link.readAndParse(listener);
      }
    } catch (IOException e) {
      // Closed by us (a reconnect ends only when the link is closed or interrupted).
    }
  }

  @Override
  public void close() {
    closed = true;
    link.close();
    try {
      reader.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class ControlListener implements ServerProtocolParser.Listener {
    @Override
    public void onMessage(byte[] buffer, int offset, int length) {
      inbound.onMessage(buffer, offset, length);
    }

    @Override
    public void onHeaderedMessage(
        byte[] buffer, int headerOffset, int headerLength, int offset, int length) {
      inbound.onHeaderedMessage(buffer, headerOffset, headerLength, offset, length);
    }

    @Override
    public void onPing() {
      try {
        link.write(PONG);
      } catch (IOException e) {
        // The link closed the connection; the reader's next read reconnects.
      }
    }

    @Override
    public void onInfo(String json) {
      link.learn(json);
    }

    @Override
    public void onPong() {
      pongs.incrementAndGet();
    }

    @Override
    public void onError(String serverMessage) {
      events.recordError(name, serverMessage);
    }
  }
}
