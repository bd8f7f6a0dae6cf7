package dev.meshcheck.load;

import dev.meshcheck.load.transport.ReplyHandler;
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
final class ReplyBook implements ReplyHandler {
  private final Clock clock;
  // Indexed by phase (Stamp.WARMUP, Stamp.MEASURED): warm-up replies run the measured phase's
  // code, so the JIT does not recompile it when the measured phase starts (see SendLoop).
  private final PhaseRecorders[] recorders;
  private final SequenceWindow[] windows = {new SequenceWindow(), new SequenceWindow()};
  private final long[] lateReplies = new long[2];
  private final PhaseRecorders measured;
  private final long timeoutNanos;
  private final Semaphore completions = new Semaphore(0);
  private volatile RunPhases phases;
  private volatile long probeReplies;
  private long measuredNoResponders;

  ReplyBook(Clock clock, PhaseRecorders warmup, PhaseRecorders measured, Duration requestTimeout) {
    this.clock = clock;
    this.recorders = new PhaseRecorders[] {warmup, measured};
    this.measured = measured;
    this.timeoutNanos = requestTimeout.toNanos();
  }

  @Override
  public void onReply(byte[] buffer, int offset, int length, long completedNanos) {
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
    onStampedReply(
        phase,
        Stamp.sequence(buffer, offset),
        Stamp.intendedNanos(buffer, offset),
        Stamp.sentNanos(buffer, offset),
        completedNanos,
        length);
    completions.release();
  }

  private synchronized void onStampedReply(
      byte phase, long sequence, long intended, long sent, long completed, int length) {
    if (windows[phase].record(sequence) == SequenceWindow.Arrival.DUPLICATE) {
      return;
    }
    if (completed - sent > timeoutNanos) {
      // A real client would have given up already: a timeout, not a slow success.
      lateReplies[phase]++;
      return;
    }
    recorders[phase].recordCompletion(intended, sent, completed, length);
  }

  /** A 503 carries no payload, so it is charged to the phase the run is in now. */
  @Override
  public void onNoResponders() {
    PhaseRecorders current = recordersNow();
    current.recordError(ErrorKind.NO_RESPONDERS);
    if (current == measured) {
      synchronized (this) {
        measuredNoResponders++;
      }
    }
    completions.release();
  }

  @Override
  public void onOtherStatus() {
    recordersNow().recordError(ErrorKind.OTHER);
    completions.release();
  }

  private PhaseRecorders recordersNow() {
    RunPhases current = phases;
    return recorders[current == null ? Stamp.WARMUP : current.phaseOf(clock.nanoTime())];
  }

  void begin(RunPhases runPhases) {
    this.phases = runPhases;
  }

  /** Measured requests answered (in time or late), refused at once, or never answered. */
  synchronized long settled() {
    return windows[Stamp.MEASURED].distinct() + measuredNoResponders;
  }

  /** Counts every measured request that got no timely answer as a timeout; call once. */
  synchronized void settleTimeouts(long measuredSent) {
    long answered = windows[Stamp.MEASURED].distinct();
    long unanswered = Math.max(0, measuredSent - answered - measuredNoResponders);
    measured.addErrors(ErrorKind.TIMEOUT, unanswered + lateReplies[Stamp.MEASURED]);
  }

  synchronized long duplicates() {
    return windows[Stamp.MEASURED].duplicates();
  }

  long probeReplies() {
    return probeReplies;
  }

  /** One permit per settled warm-up or measured request: the closed loop waits on it. */
  Semaphore completions() {
    return completions;
  }
}
