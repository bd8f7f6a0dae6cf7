package dev.meshcheck.load;

import dev.meshcheck.measure.ErrorKind;
import dev.meshcheck.measure.PhaseRecorders;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.NUID;
import io.nats.client.support.Status;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * One requesting connection. Requests are plain publishes with one fixed reply subject per client,
 * so sending never waits for a reply and no per-request state exists: the echoed stamp says when
 * the request was intended and sent. Replies are handled on the client's own dispatcher thread.
 * Thread-safe for one sender thread plus the dispatcher.
 */
final class RequestClient implements AutoCloseable {
  private final String name;
  private final Connection connection;
  private final String subject;
  private final String replySubject;
  private final Clock clock;
  private final PhaseRecorders warmup;
  private final PhaseRecorders measured;
  private final long timeoutNanos;
  private final Semaphore completions = new Semaphore(0);
  private final SequenceWindow window = new SequenceWindow();
  private volatile RunPhases phases;
  private volatile long probeReplies;
  private long measuredNoResponders;
  private long lateReplies;

  RequestClient(
      String name,
      Connection connection,
      String subject,
      Clock clock,
      PhaseRecorders warmup,
      PhaseRecorders measured,
      Duration requestTimeout)
      throws InterruptedException {
    this.name = name;
    this.connection = connection;
    this.subject = subject;
    this.replySubject = "_INBOX.meshcheck." + NUID.nextGlobal();
    this.clock = clock;
    this.warmup = warmup;
    this.measured = measured;
    this.timeoutNanos = requestTimeout.toNanos();
    Dispatcher dispatcher = connection.createDispatcher(this::onReply);
    dispatcher.subscribe(replySubject);
    try {
      connection.flush(Duration.ofSeconds(5));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(name + " could not subscribe within 5 s", e);
    }
  }

  boolean send(byte[] payload) {
    try {
      connection.publish(subject, replySubject, payload);
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private void onReply(Message reply) {
    long completed = clock.nanoTime();
    if (reply.isStatusMessage()) {
      onStatus(reply.getStatus());
      return;
    }
    byte[] data = reply.getData();
    if (!Stamp.isStamped(data)) {
      recordersNow().recordError(ErrorKind.OTHER);
      completions.release();
      return;
    }
    byte phase = Stamp.phase(data);
    if (phase == Stamp.PROBE) {
      probeReplies++;
      return;
    }
    if (phase == Stamp.MEASURED) {
      onMeasuredReply(data, completed);
    } else {
      warmup.recordCompletion(
          Stamp.intendedNanos(data), Stamp.sentNanos(data), completed, data.length);
    }
    completions.release();
  }

  private synchronized void onMeasuredReply(byte[] data, long completed) {
    if (window.record(Stamp.sequence(data)) == SequenceWindow.Arrival.DUPLICATE) {
      return;
    }
    long sent = Stamp.sentNanos(data);
    if (completed - sent > timeoutNanos) {
      // A real client would have given up already: a timeout, not a slow success.
      lateReplies++;
      return;
    }
    measured.recordCompletion(Stamp.intendedNanos(data), sent, completed, data.length);
  }

  private void onStatus(Status status) {
    if (status.getCode() == Status.NO_RESPONDERS_CODE) {
      // A 503 carries no payload, so it is charged to the phase the run is in now.
      PhaseRecorders recorders = recordersNow();
      recorders.recordError(ErrorKind.NO_RESPONDERS);
      if (recorders == measured) {
        synchronized (this) {
          measuredNoResponders++;
        }
      }
    } else {
      recordersNow().recordError(ErrorKind.OTHER);
    }
    completions.release();
  }

  private PhaseRecorders recordersNow() {
    RunPhases current = phases;
    return current != null && current.isMeasured(clock.nanoTime()) ? measured : warmup;
  }

  void begin(RunPhases runPhases) {
    this.phases = runPhases;
  }

  /** Measured requests answered (in time or late), refused at once, or never answered. */
  synchronized long settled() {
    return window.distinct() + measuredNoResponders;
  }

  /** Counts every measured request that got no timely answer as a timeout; call once. */
  synchronized void settleTimeouts(long measuredSent) {
    long unanswered = Math.max(0, measuredSent - window.distinct() - measuredNoResponders);
    measured.addErrors(ErrorKind.TIMEOUT, unanswered + lateReplies);
  }

  synchronized long duplicates() {
    return window.duplicates();
  }

  synchronized long outOfOrder() {
    return window.outOfOrder();
  }

  long probeReplies() {
    return probeReplies;
  }

  Semaphore completions() {
    return completions;
  }

  String name() {
    return name;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
