package dev.meshcheck.scenario;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * One load shape of a scenario.
 *
 * @param kind request-reply, fan-out or queue fan-out
 * @param subject the subject requests or messages are sent to
 * @param publisherCount publishing connections (fan-out kinds)
 * @param subscriberCount plain subscribing connections (fan-out kinds; queue fan-out may add some)
 * @param clientCount requesting connections (request-reply)
 * @param service the queue group members (request-reply and queue fan-out)
 * @param rate the total target rate over all publishers or clients, split evenly between them
 * @param messagesPerSender when present, each publisher or client stops after this many measured
 *     messages, and {@code measureDuration} only caps the measured phase
 * @param payloadBytes bytes per message, at least {@link #MIN_PAYLOAD_BYTES} (the stamp)
 * @param warmup how long to send before measuring
 * @param measureDuration how long the measured phase lasts (at most)
 * @param requestTimeout how long a request may wait for its reply before it counts as a timeout
 * @param client the client implementation of the workload's connections
 */
public record Workload(
    WorkloadKind kind,
    String subject,
    int publisherCount,
    int subscriberCount,
    int clientCount,
    ServiceSpec service,
    Rate rate,
    OptionalLong messagesPerSender,
    int payloadBytes,
    Duration warmup,
    Duration measureDuration,
    Duration requestTimeout,
    ClientKind client) {

  /** Every message carries publisher id, sequence, intended and actual send time. */
  public static final int MIN_PAYLOAD_BYTES = 32;

  public static final int MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;

  public Workload {
    requireAtLeast("publisherCount", publisherCount, 1);
    requireAtLeast("subscriberCount", subscriberCount, 0);
    requireAtLeast("clientCount", clientCount, 1);
    if (kind == WorkloadKind.FAN_OUT && subscriberCount < 1) {
      throw new IllegalArgumentException("a fan-out needs at least 1 subscriber, was 0");
    }
    if (payloadBytes < MIN_PAYLOAD_BYTES || payloadBytes > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException(
          "payloadBytes must be from "
              + MIN_PAYLOAD_BYTES
              + " to "
              + MAX_PAYLOAD_BYTES
              + ", was "
              + payloadBytes);
    }
    if (messagesPerSender.isPresent() && messagesPerSender.getAsLong() < 1) {
      throw new IllegalArgumentException(
          "messagesPerSender must be at least 1, was " + messagesPerSender.getAsLong());
    }
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("warmup must not be negative, was " + warmup);
    }
    if (measureDuration.isNegative() || measureDuration.isZero()) {
      throw new IllegalArgumentException(
          "measureDuration must be positive, was " + measureDuration);
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
    }
    if (client == null) {
      throw new IllegalArgumentException("client must be set, was null");
    }
  }

  /** The same workload on the jnats client (the default). */
  public Workload(
      WorkloadKind kind,
      String subject,
      int publisherCount,
      int subscriberCount,
      int clientCount,
      ServiceSpec service,
      Rate rate,
      OptionalLong messagesPerSender,
      int payloadBytes,
      Duration warmup,
      Duration measureDuration,
      Duration requestTimeout) {
    this(
        kind,
        subject,
        publisherCount,
        subscriberCount,
        clientCount,
        service,
        rate,
        messagesPerSender,
        payloadBytes,
        warmup,
        measureDuration,
        requestTimeout,
        ClientKind.JNATS);
  }

  /** The same workload on another client implementation. */
  public Workload withClient(ClientKind otherClient) {
    return new Workload(
        kind,
        subject,
        publisherCount,
        subscriberCount,
        clientCount,
        service,
        rate,
        messagesPerSender,
        payloadBytes,
        warmup,
        measureDuration,
        requestTimeout,
        otherClient);
  }

  /** How many connections send: clients for request-reply, publishers otherwise. */
  public int senderCount() {
    return kind == WorkloadKind.REQUEST_REPLY ? clientCount : publisherCount;
  }

  /** The target rate of one sender in messages per second, or 0 for max. */
  public double perSenderRatePerSecond() {
    return rate.isMax() ? 0 : (double) rate.messagesPerSecond() / senderCount();
  }

  private static void requireAtLeast(String field, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(field + " must be at least " + min + ", was " + value);
    }
  }
}
