package dev.meshcheck.steps;

import dev.meshcheck.steps.RequestOutcome.Kind;
import io.nats.client.JetStreamStatusException;
import io.nats.client.Message;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Sends requests one after another and records each outcome; a failed request is an outcome, never
 * an exception. No responders is recognised from the 503 status the server sends at once (the
 * client reports it as a {@link JetStreamStatusException}, or cancels the future on clients without
 * {@code reportNoResponders}).
 */
final class Requester {
  private final Duration requestTimeout;
  private final LongSupplier nanoClock;

  Requester(Duration requestTimeout, LongSupplier nanoClock) {
    this.requestTimeout = requestTimeout;
    this.nanoClock = nanoClock;
  }

  /** Sends {@code count} requests to {@code subject} and adds their outcomes to {@code log}. */
  void send(TrackedClient client, String subject, int count, RequestLog log) {
    for (int i = 1; i <= count; i++) {
      log.add(requestOnce(client, subject, i));
    }
  }

  /**
   * Sends requests one after another until {@code stop} turns true (checked between requests) or
   * {@code maxCount} went out, adding their outcomes to {@code log}.
   */
  void sendUntil(
      TrackedClient client,
      String subject,
      java.util.function.BooleanSupplier stop,
      int maxCount,
      RequestLog log) {
    for (int i = 1; i <= maxCount && !stop.getAsBoolean(); i++) {
      log.add(requestOnce(client, subject, i));
    }
  }

  RequestOutcome requestOnce(TrackedClient client, String subject, int seq) {
    long startNanos = nanoClock.getAsLong();
    byte[] body = ("request;" + client.name() + ";" + seq).getBytes(StandardCharsets.UTF_8);
    try {
      Message reply =
          client
              .connection()
              .request(subject, body)
              .get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return answered(reply, nanoClock.getAsLong() - startNanos);
    } catch (ExecutionException e) {
      return failure(e.getCause(), startNanos);
    } catch (CancellationException e) {
      return outcome(Kind.NO_RESPONDERS, startNanos, "no responders (request cancelled)");
    } catch (TimeoutException e) {
      return outcome(
          Kind.TIMED_OUT, startNanos, "no answer within " + requestTimeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return outcome(Kind.FAILED, startNanos, "interrupted");
    } catch (RuntimeException e) {
      return outcome(Kind.FAILED, startNanos, e.toString());
    }
  }

  private RequestOutcome answered(Message reply, long latencyNanos) {
    if (reply.isStatusMessage()) {
      Kind kind = reply.getStatus().getCode() == 503 ? Kind.NO_RESPONDERS : Kind.FAILED;
      return new RequestOutcome(kind, latencyNanos, Optional.empty(), reply.getStatus().toString());
    }
    return new RequestOutcome(Kind.ANSWERED, latencyNanos, Payloads.asReply(reply.getData()), "");
  }

  private RequestOutcome failure(Throwable cause, long startNanos) {
    if (cause instanceof JetStreamStatusException status
        && status.getStatus() != null
        && status.getStatus().getCode() == 503) {
      return outcome(Kind.NO_RESPONDERS, startNanos, "no responders (503)");
    }
    if (cause instanceof CancellationException) {
      return outcome(Kind.NO_RESPONDERS, startNanos, "no responders (request cancelled)");
    }
    return outcome(Kind.FAILED, startNanos, String.valueOf(cause));
  }

  private RequestOutcome outcome(Kind kind, long startNanos, String error) {
    return new RequestOutcome(kind, nanoClock.getAsLong() - startNanos, Optional.empty(), error);
  }
}
