package dev.meshcheck.measure;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What one phase (warm-up or measure) of one workload records: the three timing histograms and the
 * counts. Thread-safe and wait-free for the recording threads (publishers, dispatchers); one reader
 * (the {@link IntervalSampler}) takes interval histograms from it. A thread that records at a high
 * rate asks for a recorder of its own ({@link #recorderForOneThread}) instead of sharing the
 * concurrent one; counts and histograms are the sums over all of them.
 *
 * <pre>{@code
 * recorders.recordSend(intendedNanos, sentNanos);
 * recorders.recordCompletion(intendedNanos, sentNanos, nanoClock.getAsLong(), payloadBytes);
 * TimingRecorder mine = recorders.recorderForOneThread(EnumSet.of(Metric.SEND_DELAY));
 * }</pre>
 */
public final class PhaseRecorders implements TimingRecorder {
  /** One hour: longer waits are clamped to it (a run that slow has failed anyway). */
  public static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.HOURS.toNanos(1);

  static final int SIGNIFICANT_DIGITS = 3;

  /**
   * Own recorders handed out at most, bounding memory (about half a megabyte per metric each) when
   * a workload has hundreds of senders or receivers; later threads share the concurrent one.
   */
  static final int MAX_THREAD_RECORDERS = 16;

  private final Map<Metric, Recorder> recorders = new EnumMap<>(Metric.class);
  private final Map<ErrorKind, LongAdder> errors = new EnumMap<>(ErrorKind.class);
  private final LongAdder sent = new LongAdder();
  private final LongAdder received = new LongAdder();
  private final LongAdder receivedBytes = new LongAdder();
  private final java.util.concurrent.atomic.LongAccumulator lastCompletionNanos =
      new java.util.concurrent.atomic.LongAccumulator(Math::max, Long.MIN_VALUE);
  private final List<ThreadRecorder> threadRecorders = new CopyOnWriteArrayList<>();

  public PhaseRecorders() {
    for (Metric metric : Metric.values()) {
      recorders.put(metric, new Recorder(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS));
    }
    for (ErrorKind kind : ErrorKind.values()) {
      errors.put(kind, new LongAdder());
    }
  }

  /**
   * A recorder that only one thread will record into, for {@code metrics}: a {@link ThreadRecorder}
   * of its own while fewer than {@value #MAX_THREAD_RECORDERS} exist, else this shared one. Counted
   * with this phase from now on.
   */
  public synchronized TimingRecorder recorderForOneThread(Set<Metric> metrics) {
    if (threadRecorders.size() >= MAX_THREAD_RECORDERS) {
      return this;
    }
    ThreadRecorder recorder = new ThreadRecorder(metrics);
    threadRecorders.add(recorder);
    return recorder;
  }

  @Override
  public void recordSend(long intendedNanos, long sentNanos) {
    sent.increment();
    record(Metric.SEND_DELAY, sentNanos - intendedNanos);
  }

  @Override
  public void recordCompletion(
      long intendedNanos, long sentNanos, long completedNanos, int payloadBytes) {
    received.increment();
    receivedBytes.add(payloadBytes);
    lastCompletionNanos.accumulate(completedNanos);
    record(Metric.LATENCY, completedNanos - intendedNanos);
    record(Metric.SERVICE_TIME, completedNanos - sentNanos);
  }

  public void recordError(ErrorKind kind) {
    errors.get(kind).increment();
  }

  /** Adds errors known only at the end (requests never answered count as timeouts). */
  public void addErrors(ErrorKind kind, long count) {
    errors.get(kind).add(count);
  }

  public long sentCount() {
    return sent.sum() + threadRecorders.stream().mapToLong(ThreadRecorder::sentCount).sum();
  }

  public long receivedCount() {
    return received.sum() + threadRecorders.stream().mapToLong(ThreadRecorder::receivedCount).sum();
  }

  public long receivedBytes() {
    return receivedBytes.sum()
        + threadRecorders.stream().mapToLong(ThreadRecorder::receivedBytes).sum();
  }

  /** The clock time of the latest completion, or {@link Long#MIN_VALUE} before the first. */
  public long lastCompletionNanos() {
    long latest = lastCompletionNanos.get();
    for (ThreadRecorder recorder : threadRecorders) {
      latest = Math.max(latest, recorder.lastCompletionNanos());
    }
    return latest;
  }

  public long errorCount(ErrorKind kind) {
    return errors.get(kind).sum();
  }

  public long errorCount() {
    return errors.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /**
   * Adds everything recorded for {@code metric} since the last call to {@code target} and starts a
   * new interval; only the phase's one sampler calls it. {@code scratch} is overwritten.
   */
  void addIntervalTo(Metric metric, Histogram target, Histogram scratch) {
    recorders.get(metric).getIntervalHistogramInto(scratch);
    target.add(scratch);
    for (ThreadRecorder recorder : threadRecorders) {
      recorder.addIntervalTo(metric, target);
    }
  }

  private void record(Metric metric, long nanos) {
    recorders.get(metric).recordValue(Math.max(0, Math.min(nanos, HIGHEST_TRACKABLE_NANOS)));
  }
}
