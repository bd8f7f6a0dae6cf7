package dev.meshcheck.steps;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The requests a scenario sent, one after another from the shared client of a node, with every
 * outcome recorded (a failed request is an outcome, not an error). Then steps look at {@link
 * #last()}, the batch of the latest When step. Thread-safe where a background sender adds while a
 * step reads ({@link RequestLog} is); batches are started from the steps' thread.
 */
public final class Requests {
  /** How long one request waits for an answer. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

  private final Clients clients;
  private final RequestLog log = new RequestLog();
  private final Requester requester = new Requester(REQUEST_TIMEOUT, System::nanoTime);
  private volatile int lastBatchStart;

  public Requests(Clients clients) {
    this.clients = clients;
  }

  /** Sends {@code count} requests; returns their outcomes. */
  public RequestLog send(ClientSpec from, String subject, int count) {
    TrackedClient client = clients.shared(from);
    lastBatchStart = log.size();
    requester.send(client, subject, count, log);
    return last();
  }

  /** Sends requests until {@code stop} turns true or {@code maxCount} went out, as one batch. */
  public RequestLog sendUntil(ClientSpec from, String subject, BooleanSupplier stop, int maxCount) {
    TrackedClient client = clients.shared(from);
    lastBatchStart = log.size();
    requester.sendUntil(client, subject, stop, maxCount, log);
    return last();
  }

  /** The outcomes of the latest batch. */
  public RequestLog last() {
    return log.since(lastBatchStart);
  }

  /** Every outcome of the scenario. */
  public RequestLog all() {
    return log;
  }
}
