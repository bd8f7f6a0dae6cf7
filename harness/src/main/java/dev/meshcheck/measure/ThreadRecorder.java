package dev.meshcheck.measure;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * The part of a {@link PhaseRecorders} that one recording thread owns (a sender loop, a
 * subscriber's dispatcher): the timing histograms it was made for and the counts, recorded without
 * contention. Get one with {@link PhaseRecorders#recorderForOneThread}.
 *
 * <p>Thread-safety: every {@code record*} call must come from the same thread (the owner); the
 * counts may be read from any thread, the histograms are taken by the phase's one {@link
 * IntervalSampler}. Why not the shared recorder: at a million messages a second its concurrent
 * histograms and adders cost several atomic operations per message on the hot path; here one
 * writer-reader phaser guards all of the thread's histograms, so a send or a completion costs two
 * uncontended atomic operations whatever it records, and counts are plain stores published with
 * release semantics. (One {@code SingleWriterRecorder} per metric would cost two per histogram: at
 * two million messages a second those atomics were half of a subscriber thread's time.)
 */
public final class ThreadRecorder implements TimingRecorder {
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

  // Indexed by Metric.ordinal(); null for a metric this thread does not record (each histogram
  // pair costs about half a megabyte).
  private final HistogramPair[] histograms = new HistogramPair[Metric.values().length];
  private final WriterReaderPhaser phaser = new WriterReaderPhaser();
  private long sent;
  private long received;
  private long receivedBytes;
  private long lastCompletionNanos = Long.MIN_VALUE;

  ThreadRecorder(Set<Metric> metrics) {
    for (Metric metric : metrics) {
      histograms[metric.ordinal()] = new HistogramPair();
    }
  }

  @Override
  public void recordSend(long intendedNanos, long sentNanos) {
    SENT.setRelease(this, sent + 1);
    long phase = phaser.writerCriticalSectionEnter();
    try {
      record(Metric.SEND_DELAY, sentNanos - intendedNanos);
    } finally {
      phaser.writerCriticalSectionExit(phase);
    }
  }

  @Override
  public void recordCompletion(
      long intendedNanos, long sentNanos, long completedNanos, int payloadBytes) {
    RECEIVED.setRelease(this, received + 1);
    RECEIVED_BYTES.setRelease(this, receivedBytes + payloadBytes);
    if (completedNanos > lastCompletionNanos) {
      LAST_COMPLETION_NANOS.setRelease(this, completedNanos);
    }
    long phase = phaser.writerCriticalSectionEnter();
    try {
      record(Metric.LATENCY, completedNanos - intendedNanos);
      record(Metric.SERVICE_TIME, completedNanos - sentNanos);
    } finally {
      phaser.writerCriticalSectionExit(phase);
    }
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
    HistogramPair pair = histograms[metric.ordinal()];
    if (pair == null) {
      return;
    }
    phaser.readerLock();
    try {
      // The swap of HdrHistogram's Recorder: writers that entered before the flip finish on the
      // old histogram, later ones record into the new one.
      Histogram interval = pair.active;
      pair.active = pair.spareCleared();
      phaser.flipPhase();
      target.add(interval);
      pair.spare = interval;
    } finally {
      phaser.readerUnlock();
    }
  }

  // Called only inside a writer critical section.
  private void record(Metric metric, long nanos) {
    HistogramPair pair = histograms[metric.ordinal()];
    if (pair == null) {
      throw new IllegalStateException("this recorder was not made for " + metric);
    }
    pair.active.recordValue(Math.max(0, Math.min(nanos, PhaseRecorders.HIGHEST_TRACKABLE_NANOS)));
  }

  /** The histogram writers record into, and the one the reader hands back next interval. */
  private static final class HistogramPair {
    volatile Histogram active = newHistogram();
    Histogram spare = newHistogram();

    Histogram spareCleared() {
      spare.reset();
      return spare;
    }

    private static Histogram newHistogram() {
      return new Histogram(
          PhaseRecorders.HIGHEST_TRACKABLE_NANOS, PhaseRecorders.SIGNIFICANT_DIGITS);
    }
  }
}
