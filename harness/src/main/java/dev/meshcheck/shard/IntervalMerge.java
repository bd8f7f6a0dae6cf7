package dev.meshcheck.shard;

import dev.meshcheck.measure.ErrorKind;
import dev.meshcheck.measure.IntervalLog;
import dev.meshcheck.measure.IntervalPoint;
import dev.meshcheck.measure.Metric;
import dev.meshcheck.measure.PhaseRecorders;
import dev.meshcheck.scenario.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Lines up the shards' interval logs and time series by time: shards started their phases at the
 * same instant and close an interval every second from it, so the intervals of second {@code k} of
 * the measured phase are added into one (HdrHistogram adds without loss). Not thread-safe.
 */
final class IntervalMerge {
  private final long measureStartMillis;
  // Second of the measured phase -> tag -> the shards' intervals of that second, added.
  private final Map<Long, Map<String, Histogram>> bySecond = new TreeMap<>();
  private final Map<Long, IntervalPoint> points = new TreeMap<>();

  IntervalMerge(long measureStartMillis) {
    this.measureStartMillis = measureStartMillis;
  }

  /** Adds one shard's {@code .hlog} (absent: nothing to add). */
  void addLog(Path hlog) {
    if (!Files.isRegularFile(hlog)) {
      return;
    }
    try (InputStream in = Files.newInputStream(hlog)) {
      HistogramLogReader reader = new HistogramLogReader(in);
      Histogram next;
      while ((next = (Histogram) reader.nextIntervalHistogram()) != null) {
        Histogram interval = next;
        long second = Math.round((interval.getStartTimeStamp() - measureStartMillis) / 1000.0);
        Histogram sum =
            bySecond
                .computeIfAbsent(second, s -> new TreeMap<>())
                .computeIfAbsent(interval.getTag(), t -> newSum(interval));
        sum.add(interval);
        sum.setStartTimeStamp(Math.min(sum.getStartTimeStamp(), interval.getStartTimeStamp()));
        sum.setEndTimeStamp(Math.max(sum.getEndTimeStamp(), interval.getEndTimeStamp()));
      }
    } catch (IOException e) {
      throw new BadInputException(hlog, 0, "", "cannot be read: " + e.getMessage());
    }
  }

  /** Adds one shard's per-second rates. */
  void addPoints(List<IntervalPoint> shardPoints) {
    for (IntervalPoint p : shardPoints) {
      points.merge(Math.round(p.startSeconds()), p, IntervalMerge::sum);
    }
  }

  /** Writes the merged intervals, in time order, as one {@code .hlog} of the merged run. */
  void writeLog(Path hlog, long startMillis, String comment) throws IOException {
    try (IntervalLog log = new IntervalLog(hlog, startMillis, comment)) {
      for (Map<String, Histogram> tags : bySecond.values()) {
        for (Metric metric : Metric.values()) {
          Histogram interval = tags.get(metric.tag());
          if (interval != null) {
            log.write(metric.tag(), interval);
          }
        }
      }
    }
  }

  /** The merged per-second series, each second's latency taken from the merged histograms. */
  List<IntervalPoint> points() {
    return points.entrySet().stream()
        .map(
            e -> {
              IntervalPoint p = e.getValue();
              Histogram latency =
                  bySecond.getOrDefault(e.getKey(), Map.of()).get(Metric.LATENCY.tag());
              return new IntervalPoint(
                  p.startSeconds(),
                  p.lengthSeconds(),
                  p.sentPerSecond(),
                  p.deliveredPerSecond(),
                  p.deliveredBytesPerSecond(),
                  latency == null ? IntervalPoint.Latency.NONE : IntervalPoint.Latency.of(latency),
                  p.errorsByKind());
            })
        .toList();
  }

  private static Histogram newSum(Histogram first) {
    Histogram sum = new Histogram(PhaseRecorders.HIGHEST_TRACKABLE_NANOS, 3);
    sum.setStartTimeStamp(first.getStartTimeStamp());
    sum.setEndTimeStamp(first.getEndTimeStamp());
    return sum;
  }

  private static IntervalPoint sum(IntervalPoint a, IntervalPoint b) {
    return new IntervalPoint(
        Math.min(a.startSeconds(), b.startSeconds()),
        Math.max(a.lengthSeconds(), b.lengthSeconds()),
        a.sentPerSecond() + b.sentPerSecond(),
        a.deliveredPerSecond() + b.deliveredPerSecond(),
        a.deliveredBytesPerSecond() + b.deliveredBytesPerSecond(),
        IntervalPoint.Latency.NONE,
        sumByKind(a.errorsByKind(), b.errorsByKind()));
  }

  private static Map<ErrorKind, Long> sumByKind(Map<ErrorKind, Long> a, Map<ErrorKind, Long> b) {
    Map<ErrorKind, Long> sum = new java.util.EnumMap<>(ErrorKind.class);
    a.forEach((kind, count) -> sum.merge(kind, count, Long::sum));
    b.forEach((kind, count) -> sum.merge(kind, count, Long::sum));
    return sum;
  }
}
