package dev.meshcheck.scenario;

import java.util.OptionalLong;

/**
 * The sending side of a workload: publishers (fan-out kinds) or requesting clients (request-reply),
 * and what each one sends.
 *
 * @param count connections that send
 * @param rate the total target rate over all senders, split evenly between them
 * @param messagesEach when present, each sender stops after this many measured messages, and the
 *     measured duration only caps the phase
 * @param payloadBytes bytes per message, at least {@link #MIN_PAYLOAD_BYTES} (the stamp)
 */
public record Senders(int count, Rate rate, OptionalLong messagesEach, int payloadBytes) {
  /** Every message carries publisher id, sequence, intended and actual send time. */
  public static final int MIN_PAYLOAD_BYTES = 32;

  public static final int MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;

  public Senders {
    if (count < 1) {
      throw new IllegalArgumentException("the sender count must be at least 1, was " + count);
    }
    if (payloadBytes < MIN_PAYLOAD_BYTES || payloadBytes > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException(
          "payload must be from "
              + MIN_PAYLOAD_BYTES
              + " to "
              + MAX_PAYLOAD_BYTES
              + ", was "
              + payloadBytes);
    }
    if (messagesEach.isPresent() && messagesEach.getAsLong() < 1) {
      throw new IllegalArgumentException(
          "messages must be at least 1, was " + messagesEach.getAsLong());
    }
  }

  /** The target rate of one sender in messages per second, or 0 for max. */
  public double ratePerSender() {
    return rate.isMax() ? 0 : (double) rate.messagesPerSecond() / count;
  }
}
