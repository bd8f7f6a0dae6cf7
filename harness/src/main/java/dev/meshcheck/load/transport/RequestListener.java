package dev.meshcheck.load.transport;

/**
 * Told about every request a responder takes, before it echoes the payload. Called by the
 * responder's one receiving thread; the buffer is only valid during the call.
 */
@FunctionalInterface
public interface RequestListener {
  /** A request whose payload is {@code length} bytes of {@code buffer} from {@code offset}. */
  void onRequest(byte[] buffer, int offset, int length);
}
