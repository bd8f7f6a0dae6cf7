package dev.meshcheck.load.transport;

/**
 * What a requesting connection does with what comes back on its reply subject. Called by the
 * connection's one receiving thread; a buffer is only valid during the call.
 */
public interface ReplyHandler {
  /** A reply whose payload is {@code length} bytes of {@code buffer} from {@code offset}. */
  void onReply(byte[] buffer, int offset, int length, long completedNanos);

  /** The server's 503: no member of the service was there to take the request. */
  void onNoResponders();

  /** Any other status message in place of a reply. */
  void onOtherStatus();
}
