package dev.meshcheck.measure;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The part of a {@link PhaseRecorders} that one recording thread owns (a sender loop, a
 * subscriber's dispatcher): the three timing histograms and the counts, recorded without
 * contention. Get one with {@link PhaseRecorders#newThreadRecorder()}.
 *
 * <p>Thread-safety: every {@code record*} call must come from the same thread (the owner); the
 * counts may be read from any thread, the histograms are taken by the phase's one {@link
 * IntervalSampler}. Why not the shared recorder: at a million messages a second its concurrent
 * histograms and adders cost several atomic operations per message on the hot path; here each
 * histogram costs two uncontended ones (the writer-reader phaser) and counts are plain stores
 * published with release semantics.
 */
public final class ThreadRecorder {
  private static final VarHandle SENT;
  private static final VarHandle RECEIVED;
  private static final VarHandle RECEIVED_BYTES;
  private static final VarHandle LAST_COMPLETION_NANOS;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      SENT = lookup.findVarHandle(ThreadRecorder.class, "sent", long.class);
      RECEIVED = lookup.findVarHandle(ThreadRecorder.class, "received", long.class);
      RECEIVED_BYTES = lookup.findVarHandle(ThreadRecorder.class, "receivedBytes", long.class);
      LAST_COMPLETION_NANOS =
          lookup.findVarHandle(ThreadRecorder.class, "lastCompletionNanos", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final SingleWriterRecorder[] recorders = new SingleWriterRecorder[Metric.values().length];
  // Interval histograms handed back for reuse; touched only by the sampler thread.
  private final Histogram[] recycled = new Histogram[Metric.values().length];
  private long sent;
  private long received;
  private long receivedBytes;
  private long lastCompletionNanos = Long.MIN_VALUE;

  ThreadRecorder() {
    for (Metric metric : Metric.values()) {
      recorders[metric.ordinal()] =
          new SingleWriterRecorder(
              PhaseRecorders.HIGHEST_TRACKABLE_NANOS, PhaseRecorders.SIGNIFICANT_DIGITS);
    }
  }

  /** A message or request left the generator {@code sentNanos - intendedNanos} late. */
  public void recordSend(long intendedNanos, long sentNanos) {
    SENT.setRelease(this, sent + 1);
    record(Metric.SEND_DELAY, sentNanos - intendedNanos);
  }

  /** A reply or delivery arrived: records latency (from intended) and service time (from sent). */
  public void recordCompletion(
      long intendedNanos, long sentNanos, long completedNanos, int payloadBytes) {
    RECEIVED.setRelease(this, received + 1);
    RECEIVED_BYTES.setRelease(this, receivedBytes + payloadBytes);
    if (completedNanos > lastCompletionNanos) {
      LAST_COMPLETION_NANOS.setRelease(this, completedNanos);
    }
    record(Metric.LATENCY, completedNanos - intendedNanos);
    record(Metric.SERVICE_TIME, completedNanos - sentNanos);
  }

  long sentCount() {
    return (long) SENT.getAcquire(this);
  }

  long receivedCount() {
    return (long) RECEIVED.getAcquire(this);
  }

  long receivedBytes() {
    return (long) RECEIVED_BYTES.getAcquire(this);
  }

  long lastCompletionNanos() {
    return (long) LAST_COMPLETION_NANOS.getAcquire(this);
  }

  /** Adds what was recorded since the last call to {@code target}, and starts a new interval. */
  void addIntervalTo(Metric metric, Histogram target) {
    int i = metric.ordinal();
    Histogram interval = recorders[i].getIntervalHistogram(recycled[i]);
    target.add(interval);
    recycled[i] = interval;
  }

  private void record(Metric metric, long nanos) {
    recorders[metric.ordinal()].recordValue(
        Math.max(0, Math.min(nanos, PhaseRecorders.HIGHEST_TRACKABLE_NANOS)));
  }
}
