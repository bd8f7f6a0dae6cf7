package dev.meshcheck.shard;

import dev.meshcheck.measure.ErrorKind;
import dev.meshcheck.measure.Fairness;
import dev.meshcheck.measure.IntervalPoint;
import dev.meshcheck.measure.Metric;
import dev.meshcheck.measure.PhaseRecorders;
import dev.meshcheck.result.ConnectionPlacement;
import dev.meshcheck.result.Counts;
import dev.meshcheck.result.Errors;
import dev.meshcheck.result.Latencies;
import dev.meshcheck.result.PlacementOutcome;
import dev.meshcheck.result.Rates;
import dev.meshcheck.result.Reconnection;
import dev.meshcheck.result.Validity;
import dev.meshcheck.result.WorkloadLedger;
import dev.meshcheck.result.WorkloadResult;
import dev.meshcheck.scenario.WorkloadKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;

/** Adds the shards' results of one workload into the result of the whole. Stateless. */
final class WorkloadSum {
  private WorkloadSum() {}

  /**
   * @param labels each shard's name for messages, in the order of {@code shards}
   */
  static WorkloadResult of(
      List<WorkloadResult> shards,
      List<String> labels,
      List<WorkloadLedger> ledgers,
      List<IntervalPoint> points) {
    WorkloadResult first = shards.get(0);
    return new WorkloadResult(
        first.name(),
        first.workload(),
        rates(shards),
        counts(first.workload().kind(), shards, ledgers),
        errors(shards),
        latencies(shards),
        points,
        placement(shards),
        validity(shards, labels));
  }

  private static Rates rates(List<WorkloadResult> shards) {
    boolean hasTarget = shards.stream().allMatch(s -> s.rates().targetPerSecond().isPresent());
    return new Rates(
        hasTarget
            ? OptionalDouble.of(sum(shards, s -> s.rates().targetPerSecond().getAsDouble()))
            : OptionalDouble.empty(),
        sum(shards, s -> s.rates().achievedPerSecond()),
        sum(shards, s -> s.rates().deliveredPerSecond()),
        sum(shards, s -> s.rates().deliveredBytesPerSecond()),
        shards.stream().mapToDouble(s -> s.rates().measuredSeconds()).max().orElse(0));
  }

  private static Counts counts(
      WorkloadKind kind, List<WorkloadResult> shards, List<WorkloadLedger> ledgers) {
    long sent = shards.stream().mapToLong(s -> s.counts().sent()).sum();
    long received = shards.stream().mapToLong(s -> s.counts().received()).sum();
    if (kind == WorkloadKind.REQUEST_REPLY) {
      // Each client keeps its own replies: nothing crosses shards, so the counts just add.
      return new Counts(
          sent,
          received,
          shards.stream().mapToLong(s -> s.counts().lost()).sum(),
          shards.stream().mapToLong(s -> s.counts().duplicates()).sum(),
          shards.stream().mapToLong(s -> s.counts().outOfOrder()).sum());
    }
    CrossShardCounts cross = CrossShardCounts.of(ledgers);
    return new Counts(sent, received, cross.lost(), cross.duplicates(), cross.outOfOrder());
  }

  private static Errors errors(List<WorkloadResult> shards) {
    Map<ErrorKind, Long> byKind = new EnumMap<>(ErrorKind.class);
    List<Reconnection> reconnections = new ArrayList<>();
    Optional<String> lastError = Optional.empty();
    for (WorkloadResult shard : shards) {
      shard.errors().byKind().forEach((kind, count) -> byKind.merge(kind, count, Long::sum));
      reconnections.addAll(shard.errors().reconnections());
      if (shard.errors().lastConnectionError().isPresent()) {
        lastError = shard.errors().lastConnectionError();
      }
    }
    return new Errors(
        byKind,
        shards.stream().mapToLong(s -> s.errors().connectionErrors()).sum(),
        lastError,
        shards.stream().mapToLong(s -> s.errors().clientSlowConsumerEvents()).sum(),
        reconnections);
  }

  private static Latencies latencies(List<WorkloadResult> shards) {
    Map<Metric, Histogram> sums = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      Histogram sum = new Histogram(PhaseRecorders.HIGHEST_TRACKABLE_NANOS, 3);
      shards.forEach(s -> sum.add(s.latencies().histogram(metric)));
      sums.put(metric, sum);
    }
    return new Latencies(sums);
  }

  private static PlacementOutcome placement(List<WorkloadResult> shards) {
    List<ConnectionPlacement> connections = new ArrayList<>();
    Map<String, Long> handled = new LinkedHashMap<>();
    Map<String, Long> byLink = new LinkedHashMap<>();
    for (WorkloadResult shard : shards) {
      connections.addAll(shard.placement().connections());
      shard.placement().handledPerReceiver().forEach((k, v) -> handled.merge(k, v, Long::sum));
      shard.placement().deliveriesByLink().forEach((k, v) -> byLink.merge(k, v, Long::sum));
    }
    return new PlacementOutcome(connections, handled, Fairness.of(handled.values()), byLink);
  }

  /** Complete when every shard was; a shard's schedule miss makes the whole invalid, named. */
  private static Validity validity(List<WorkloadResult> shards, List<String> labels) {
    List<String> reasons = new ArrayList<>();
    for (int i = 0; i < shards.size(); i++) {
      for (String reason : shards.get(i).validity().invalidReasons()) {
        reasons.add(labels.get(i) + ": " + reason);
      }
    }
    return new Validity(shards.stream().allMatch(WorkloadResult::complete), reasons);
  }

  private static double sum(
      List<WorkloadResult> shards, java.util.function.ToDoubleFunction<WorkloadResult> value) {
    return shards.stream().mapToDouble(value).sum();
  }
}
