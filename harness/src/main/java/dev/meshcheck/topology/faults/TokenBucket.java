package dev.meshcheck.topology.faults;

/**
 * Paces one direction of one connection to a byte rate. Tokens may go negative: a chunk larger than
 * the bucket passes at once and the wait that follows pays for it, so the long-run rate is exact
 * whatever the chunk sizes. Not thread-safe: one pump owns it.
 */
final class TokenBucket {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private long bytesPerSecond;
  private double tokens;
  private long lastNanos;

  /**
   * How much to read at most per chunk at this rate: 10 ms worth, from 1 KiB to 64 KiB, so that
   * pacing stays smooth at low rates.
   */
  static int chunkLimit(long bytesPerSecond, int bufferCapacity) {
    long tenMillis = bytesPerSecond / 100;
    return (int) Math.max(1024, Math.min(bufferCapacity, tenMillis));
  }

  /**
   * Takes {@code bytes} at {@code rate} at time {@code nowNanos} and returns how long to wait, in
   * nanoseconds, before forwarding them (0 when the bucket had enough).
   */
  long take(int bytes, long rate, long nowNanos) {
    double capacity = chunkLimit(rate, Integer.MAX_VALUE);
    if (rate != bytesPerSecond) {
      bytesPerSecond = rate; // a new limit starts with a full bucket
      tokens = capacity;
      lastNanos = nowNanos;
    }
    double refill = (nowNanos - lastNanos) * (double) rate / NANOS_PER_SECOND;
    tokens = Math.min(capacity, tokens + refill);
    lastNanos = nowNanos;
    tokens -= bytes;
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens * NANOS_PER_SECOND / rate);
  }
}
