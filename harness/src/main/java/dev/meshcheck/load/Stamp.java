package dev.meshcheck.load;

/**
 * The header every generated message carries in its first {@link #BYTES} payload bytes: sender id,
 * sequence, intended and actual send time (this JVM's nanoTime), and the phase. Replies echo it, so
 * no per-request state is needed to time a reply. Stateless; big-endian.
 */
final class Stamp {
  static final int BYTES = 29;

  static final byte WARMUP = 0;
  static final byte MEASURED = 1;

  /** Readiness probes sent before the run; not counted anywhere. */
  static final byte PROBE = 2;

  private static final int SENDER = 0;
  private static final int SEQUENCE = 4;
  private static final int INTENDED = 12;
  private static final int SENT = 20;
  private static final int PHASE = 28;

  private Stamp() {}

  static void write(
      byte[] payload, int senderId, long sequence, long intendedNanos, long sentNanos, byte phase) {
    putInt(payload, SENDER, senderId);
    putLong(payload, SEQUENCE, sequence);
    putLong(payload, INTENDED, intendedNanos);
    putLong(payload, SENT, sentNanos);
    payload[PHASE] = phase;
  }

  static boolean isStamped(byte[] payload) {
    return payload != null && isStamped(payload, 0, payload.length);
  }

  /** Whether {@code length} bytes from {@code offset} start with a stamp (parsed in place). */
  static boolean isStamped(byte[] buffer, int offset, int length) {
    return length >= BYTES && buffer[offset + PHASE] >= 0 && buffer[offset + PHASE] <= 2;
  }

  static int senderId(byte[] payload) {
    return senderId(payload, 0);
  }

  static int senderId(byte[] buffer, int offset) {
    return (int) get(buffer, offset + SENDER, 4);
  }

  static long sequence(byte[] payload) {
    return sequence(payload, 0);
  }

  static long sequence(byte[] buffer, int offset) {
    return get(buffer, offset + SEQUENCE, 8);
  }

  static long intendedNanos(byte[] payload) {
    return intendedNanos(payload, 0);
  }

  static long intendedNanos(byte[] buffer, int offset) {
    return get(buffer, offset + INTENDED, 8);
  }

  static long sentNanos(byte[] payload) {
    return sentNanos(payload, 0);
  }

  static long sentNanos(byte[] buffer, int offset) {
    return get(buffer, offset + SENT, 8);
  }

  static byte phase(byte[] payload) {
    return phase(payload, 0);
  }

  static byte phase(byte[] buffer, int offset) {
    return buffer[offset + PHASE];
  }

  private static void putInt(byte[] target, int offset, int value) {
    for (int i = 3; i >= 0; i--) {
      target[offset + i] = (byte) value;
      value >>>= 8;
    }
  }

  private static void putLong(byte[] target, int offset, long value) {
    for (int i = 7; i >= 0; i--) {
      target[offset + i] = (byte) value;
      value >>>= 8;
    }
  }

  private static long get(byte[] source, int offset, int length) {
    long value = 0;
    for (int i = 0; i < length; i++) {
      value = (value << 8) | (source[offset + i] & 0xFF);
    }
    return length == 4 ? (int) value : value;
  }
}
