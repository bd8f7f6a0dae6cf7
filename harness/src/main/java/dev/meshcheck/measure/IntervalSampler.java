package dev.meshcheck.measure;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Takes the interval histograms of a phase's recorders about once a second, writes them tagged to
 * an {@link IntervalLog} (measured phase), merges them into the phase's totals, and keeps a time
 * series of rates. The only reader of its recorders; not thread-safe (one ticker thread calls it).
 */
public final class IntervalSampler {
  private final PhaseRecorders recorders;
  private final Optional<IntervalLog> log;
  private final long phaseStartMillis;
  private final Map<Metric, Histogram> totals = new EnumMap<>(Metric.class);
  private final Histogram scratch = newHistogram();
  // One interval histogram per metric, reset and refilled at each sample (log writes it at once).
  private final Map<Metric, Histogram> intervals = new EnumMap<>(Metric.class);
  private final List<IntervalPoint> points = new ArrayList<>();
  private long lastMillis;
  private long lastSent;
  private long lastReceived;
  private long lastBytes;
  private final Map<ErrorKind, Long> lastErrors = new EnumMap<>(ErrorKind.class);

  /**
   * @param log where intervals go, or empty for a phase that is not reported (warm-up)
   * @param phaseStartMillis epoch millis at which the phase started
   */
  public IntervalSampler(
      PhaseRecorders recorders, Optional<IntervalLog> log, long phaseStartMillis) {
    this.recorders = recorders;
    this.log = log;
    this.phaseStartMillis = phaseStartMillis;
    this.lastMillis = phaseStartMillis;
    for (Metric metric : Metric.values()) {
      totals.put(metric, newHistogram());
      intervals.put(metric, newHistogram());
    }
  }

  /** Closes the interval that ends at {@code nowMillis} and returns what it saw. */
  public IntervalPoint sample(long nowMillis) {
    Histogram latency = null;
    for (Metric metric : Metric.values()) {
      Histogram interval = intervals.get(metric);
      interval.reset();
      recorders.addIntervalTo(metric, interval, scratch);
      interval.setStartTimeStamp(lastMillis);
      interval.setEndTimeStamp(nowMillis);
      totals.get(metric).add(interval);
      log.ifPresent(l -> l.write(metric.tag(), interval));
      if (metric == Metric.LATENCY) {
        latency = interval;
      }
    }
    double seconds = Math.max(1, nowMillis - lastMillis) / 1000.0;
    long sent = recorders.sentCount();
    long received = recorders.receivedCount();
    long bytes = recorders.receivedBytes();
    Map<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
    for (ErrorKind kind : ErrorKind.values()) {
      long count = recorders.errorCount(kind);
      errors.put(kind, count - lastErrors.getOrDefault(kind, 0L));
      lastErrors.put(kind, count);
    }
    IntervalPoint point =
        new IntervalPoint(
            (lastMillis - phaseStartMillis) / 1000.0,
            seconds,
            (sent - lastSent) / seconds,
            (received - lastReceived) / seconds,
            (bytes - lastBytes) / seconds,
            IntervalPoint.Latency.of(latency),
            errors);
    points.add(point);
    lastMillis = nowMillis;
    lastSent = sent;
    lastReceived = received;
    lastBytes = bytes;
    return point;
  }

  /** Everything sampled so far, merged (a copy). */
  public Histogram total(Metric metric) {
    return totals.get(metric).copy();
  }

  public List<IntervalPoint> points() {
    return List.copyOf(points);
  }

  public PhaseRecorders recorders() {
    return recorders;
  }

  private static Histogram newHistogram() {
    return new Histogram(PhaseRecorders.HIGHEST_TRACKABLE_NANOS, 3);
  }
}
