package dev.meshcheck.result;

import dev.meshcheck.measure.ErrorKind;
import dev.meshcheck.measure.IntervalPoint;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Works out what each fault of a timeline cost a workload, from its per-second intervals. Pure and
 * stateless.
 *
 * <p>The level before a fault is taken from the intervals that lie wholly between the previous
 * fault's recovery (or the start of the measured phase) and the fault: the median delivered/s and
 * the median per-second p99. A fault has recovered at the start of the first interval, from the one
 * the fault fell in, where delivered/s is within {@value #TOLERANCE_PERCENT}% of its level and p99
 * at most {@value #TOLERANCE_PERCENT}% above it, and so are most of it and the next {@value
 * #STEADY_INTERVALS} intervals: one good second in the middle of a disturbance is not a recovery,
 * one noisy second after it does not undo one. Resolution is one interval (about a second); a fault
 * that disturbs nothing the intervals can see recovers in 0 s.
 *
 * <pre>{@code
 * List<FaultRecovery> costs = RecoveryAnalysis.of(events, workloadResult);
 * }</pre>
 */
public final class RecoveryAnalysis {
  /** How far from its level before a fault a figure may be and count as recovered. */
  public static final int TOLERANCE_PERCENT = 10;

  /** Intervals after the first good one that must agree (by their median). */
  static final int STEADY_INTERVALS = 2;

  private static final double TOLERANCE = TOLERANCE_PERCENT / 100.0;

  private RecoveryAnalysis() {}

  /** One {@link FaultRecovery} per event, in the events' order. */
  public static List<FaultRecovery> of(List<FaultEvent> events, WorkloadResult workload) {
    List<IntervalPoint> points = workload.intervals();
    double end =
        points.isEmpty()
            ? workload.rates().measuredSeconds()
            : Math.max(workload.rates().measuredSeconds(), endOf(points.get(points.size() - 1)));
    List<FaultRecovery> all = new ArrayList<>();
    double levelFrom = 0;
    Optional<Level> firstLevel = Optional.empty();
    for (int i = 0; i < events.size(); i++) {
      FaultEvent event = events.get(i);
      double at = event.atSeconds();
      double windowEnd = i + 1 < events.size() ? events.get(i + 1).atSeconds() : end;
      Optional<Level> level = level(points, levelFrom, at).or(() -> Optional.empty());
      if (level.isEmpty()) {
        level = firstLevel; // faults back to back: measure against the level before the first
      }
      if (firstLevel.isEmpty()) {
        firstLevel = level;
      }
      FaultRecovery recovery = recovery(event, windowEnd, level, points, workload);
      all.add(recovery);
      levelFrom = recovery.recoverySeconds().map(r -> at + r).orElse(windowEnd);
    }
    return all;
  }

  private record Level(double deliveredPerSecond, double p99Micros, double deliveriesPerSent) {}

  private static Optional<Level> level(List<IntervalPoint> points, double from, double to) {
    List<IntervalPoint> before =
        points.stream()
            .filter(p -> p.startSeconds() >= from - 1e-9 && endOf(p) <= to + 1e-9)
            .toList();
    if (before.isEmpty()) {
      return Optional.empty();
    }
    double sent = before.stream().mapToDouble(p -> p.sentPerSecond() * p.lengthSeconds()).sum();
    double delivered =
        before.stream().mapToDouble(p -> p.deliveredPerSecond() * p.lengthSeconds()).sum();
    return Optional.of(
        new Level(
            median(before.stream().mapToDouble(IntervalPoint::deliveredPerSecond).toArray()),
            median(before.stream().mapToDouble(IntervalPoint::latencyP99Micros).toArray()),
            sent == 0 ? 0 : delivered / sent));
  }

  private static FaultRecovery recovery(
      FaultEvent event,
      double windowEnd,
      Optional<Level> level,
      List<IntervalPoint> points,
      WorkloadResult workload) {
    double at = event.atSeconds();
    List<IntervalPoint> window =
        points.stream().filter(p -> endOf(p) > at && p.startSeconds() < windowEnd).toList();
    Map<ErrorKind, Long> failed = new EnumMap<>(ErrorKind.class);
    for (ErrorKind kind : ErrorKind.values()) {
      failed.put(kind, window.stream().mapToLong(p -> p.errors(kind)).sum());
    }
    List<Reconnection> reconnects =
        workload.errors().reconnections().stream()
            .filter(r -> r.atSeconds() >= at && r.atSeconds() < windowEnd)
            .toList();
    Optional<Double> recovered = Optional.empty();
    Optional<String> why = Optional.empty();
    long undelivered = 0;
    if (level.isEmpty()) {
      why = Optional.of("no whole interval before the fault to take the level from");
    } else {
      recovered = recoveredAt(window, level.get()).map(start -> Math.max(0, start - at));
      if (recovered.isEmpty()) {
        why =
            Optional.of(
                "not back within " + TOLERANCE_PERCENT + "% before " + round(windowEnd) + " s");
      }
      undelivered = undelivered(window, level.get());
    }
    return new FaultRecovery(
        event.fault(),
        at,
        windowEnd,
        recovered,
        level.map(Level::deliveredPerSecond).orElse(0.0),
        level.map(Level::p99Micros).orElse(0.0),
        failed,
        undelivered,
        reconnects,
        why);
  }

  private static Optional<Double> recoveredAt(List<IntervalPoint> window, Level level) {
    for (int k = 0; k < window.size(); k++) {
      List<IntervalPoint> steady =
          window.subList(k, Math.min(window.size(), k + 1 + STEADY_INTERVALS));
      long back = steady.stream().filter(p -> isBack(p, level)).count();
      if (isBack(steady.get(0), level) && back * 2 > steady.size()) {
        return Optional.of(steady.get(0).startSeconds());
      }
    }
    return Optional.empty();
  }

  private static boolean isBack(IntervalPoint p, Level level) {
    boolean throughput =
        Math.abs(p.deliveredPerSecond() - level.deliveredPerSecond())
            <= TOLERANCE * level.deliveredPerSecond();
    boolean latency = p.latencyP99Micros() <= (1 + TOLERANCE) * level.p99Micros();
    return throughput && latency;
  }

  private static long undelivered(List<IntervalPoint> window, Level level) {
    double sent = window.stream().mapToDouble(p -> p.sentPerSecond() * p.lengthSeconds()).sum();
    double delivered =
        window.stream().mapToDouble(p -> p.deliveredPerSecond() * p.lengthSeconds()).sum();
    return Math.max(0, Math.round(sent * level.deliveriesPerSent() - delivered));
  }

  private static double endOf(IntervalPoint p) {
    return p.startSeconds() + p.lengthSeconds();
  }

  private static double median(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static double round(double seconds) {
    return Math.round(seconds * 10) / 10.0;
  }
}
