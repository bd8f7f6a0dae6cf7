package dev.meshcheck.load.transport;

/**
 * What a receiving connection does with each delivered payload. Called by the connection's one
 * receiving thread; the buffer is only valid during the call.
 */
@FunctionalInterface
public interface DeliveryHandler {
  /** One delivered payload: {@code length} bytes of {@code buffer} from {@code offset}. */
  void onPayload(byte[] buffer, int offset, int length, long receivedNanos);
}
