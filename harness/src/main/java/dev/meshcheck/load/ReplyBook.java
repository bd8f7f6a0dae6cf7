package dev.meshcheck.load;

import dev.meshcheck.measure.ErrorKind;
import dev.meshcheck.measure.PhaseRecorders;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * The bookkeeping of one requesting client, whatever transport carried its replies: matches each
 * reply by the stamp it echoes, records latency and service time in the phase the request was
 * intended in, counts duplicates, late replies (timeouts), no-responder refusals and replies
 * without a stamp, and releases one completion permit per settled request for the closed loop. The
 * reply methods are called by one receiving thread; the counters may be read from any thread.
 */
final class ReplyBook {
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

  ReplyBook(Clock clock, PhaseRecorders warmup, PhaseRecorders measured, Duration requestTimeout) {
    this.clock = clock;
    this.warmup = warmup;
    this.measured = measured;
    this.timeoutNanos = requestTimeout.toNanos();
  }

  /** A reply whose payload is {@code length} bytes of {@code buffer} from {@code offset}. */
  void onReply(byte[] buffer, int offset, int length, long completedNanos) {
    if (!Stamp.isStamped(buffer, offset, length)) {
      recordersNow().recordError(ErrorKind.OTHER);
      completions.release();
      return;
    }
    byte phase = Stamp.phase(buffer, offset);
    if (phase == Stamp.PROBE) {
      probeReplies++;
      return;
    }
    long intended = Stamp.intendedNanos(buffer, offset);
    long sent = Stamp.sentNanos(buffer, offset);
    if (phase == Stamp.MEASURED) {
      onMeasuredReply(Stamp.sequence(buffer, offset), intended, sent, completedNanos, length);
    } else {
      warmup.recordCompletion(intended, sent, completedNanos, length);
    }
    completions.release();
  }

  private synchronized void onMeasuredReply(
      long sequence, long intended, long sent, long completed, int length) {
    if (window.record(sequence) == SequenceWindow.Arrival.DUPLICATE) {
      return;
    }
    if (completed - sent > timeoutNanos) {
      // A real client would have given up already: a timeout, not a slow success.
      lateReplies++;
      return;
    }
    measured.recordCompletion(intended, sent, completed, length);
  }

  /** The server's 503: no member of the service was there to take the request. */
  void onNoResponders() {
    // A 503 carries no payload, so it is charged to the phase the run is in now.
    PhaseRecorders recorders = recordersNow();
    recorders.recordError(ErrorKind.NO_RESPONDERS);
    if (recorders == measured) {
      synchronized (this) {
        measuredNoResponders++;
      }
    }
    completions.release();
  }

  /** Any other status message in place of a reply. */
  void onOtherStatus() {
    recordersNow().recordError(ErrorKind.OTHER);
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

  /** One permit per settled warm-up or measured request: the closed loop waits on it. */
  Semaphore completions() {
    return completions;
  }
}
