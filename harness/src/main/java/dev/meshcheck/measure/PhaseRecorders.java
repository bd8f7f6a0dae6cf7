package dev.meshcheck.measure;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * What one phase (warm-up or measure) of one workload records: the three timing histograms and the
 * counts. Thread-safe and wait-free for the recording threads (publishers, dispatchers); one reader
 * (the {@link IntervalSampler}) takes interval histograms from it.
 *
 * <pre>{@code
 * recorders.recordSend(intendedNanos, sentNanos);
 * recorders.recordCompletion(intendedNanos, sentNanos, nanoClock.getAsLong(), payloadBytes);
 * }</pre>
 */
public final class PhaseRecorders {
  /** One hour: longer waits are clamped to it (a run that slow has failed anyway). */
  public static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.HOURS.toNanos(1);

  private static final int SIGNIFICANT_DIGITS = 3;

  private final Map<Metric, Recorder> recorders = new EnumMap<>(Metric.class);
  private final Map<ErrorKind, LongAdder> errors = new EnumMap<>(ErrorKind.class);
  private final LongAdder sent = new LongAdder();
  private final LongAdder received = new LongAdder();
  private final LongAdder receivedBytes = new LongAdder();
  private final java.util.concurrent.atomic.LongAccumulator lastCompletionNanos =
      new java.util.concurrent.atomic.LongAccumulator(Math::max, Long.MIN_VALUE);

  public PhaseRecorders() {
    for (Metric metric : Metric.values()) {
      recorders.put(metric, new Recorder(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS));
    }
    for (ErrorKind kind : ErrorKind.values()) {
      errors.put(kind, new LongAdder());
    }
  }

  /** A message or request left the generator {@code sentNanos - intendedNanos} late. */
  public void recordSend(long intendedNanos, long sentNanos) {
    sent.increment();
    record(Metric.SEND_DELAY, sentNanos - intendedNanos);
  }

  /** A reply or delivery arrived: records latency (from intended) and service time (from sent). */
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
    return sent.sum();
  }

  public long receivedCount() {
    return received.sum();
  }

  public long receivedBytes() {
    return receivedBytes.sum();
  }

  /** The clock time of the latest completion, or {@link Long#MIN_VALUE} before the first. */
  public long lastCompletionNanos() {
    return lastCompletionNanos.get();
  }

  public long errorCount(ErrorKind kind) {
    return errors.get(kind).sum();
  }

  public long errorCount() {
    return errors.values().stream().mapToLong(LongAdder::sum).sum();
  }

  Recorder recorder(Metric metric) {
    return recorders.get(metric);
  }

  private void record(Metric metric, long nanos) {
    recorders.get(metric).recordValue(Math.max(0, Math.min(nanos, HIGHEST_TRACKABLE_NANOS)));
  }
}
