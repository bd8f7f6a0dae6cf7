package dev.meshcheck.shard;

import dev.meshcheck.result.Ending;
import dev.meshcheck.result.RunIdentity;
import dev.meshcheck.result.RunResult;
import dev.meshcheck.result.ServerCounters;
import dev.meshcheck.result.ShardRecord;
import dev.meshcheck.result.SloEvaluator;
import dev.meshcheck.result.WorkloadLedger;
import dev.meshcheck.result.WorkloadResult;
import dev.meshcheck.scenario.BadInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges the run folders of a sharded run into the run one generator would have reported: the
 * histograms added, the intervals lined up by time, the counts summed, loss worked out across
 * shards from their ledgers. A shard that failed, never finished or is missing makes the merged run
 * partial and is named in its problems; it is never a silently smaller result.
 *
 * <pre>{@code
 * RunResult merged = ShardMerge.merge(List.of(dir0, dir1, dir2), outDir, "fanout-merged");
 * RunReportWriter.write(outDir, merged); // outDir already holds the merged .hlog
 * }</pre>
 */
public final class ShardMerge {
  private ShardMerge() {}

  /**
   * Reads the shards' folders, writes the merged {@code .hlog} into {@code outDir} and returns the
   * merged run (the caller writes the rest of the folder).
   *
   * @throws BadInputException when a folder is no shard's, or the shards ran different scenarios,
   *     topologies, shard counts or start instants, or two folders are the same shard
   */
  public static RunResult merge(List<Path> shardDirs, Path outDir, String runId)
      throws IOException {
    List<ShardFolder> shards = shardDirs.stream().map(ShardFolder::read).toList();
    ShardConsistency.require(shards);
    ShardRecord first = shards.get(0).record();
    List<String> problems = new ArrayList<>();
    missingShards(shards, first.shard().count()).forEach(problems::add);
    shards.forEach(s -> problems.addAll(s.problems()));
    List<ShardFolder> usable = shards.stream().filter(ShardFolder::usable).toList();
    if (usable.isEmpty()) {
      throw new BadInputException(
          shardDirs.get(0), 0, "", "no shard finished, there is nothing to merge: " + problems);
    }
    RunResult template = usable.get(0).result().orElseThrow();
    WorkloadResult workload = mergeWorkload(usable, outDir, first);
    List<WorkloadResult> workloads = List.of(workload);
    return new RunResult(
        new RunIdentity(
            runId,
            first.scenario(),
            template.identity().scenarioFile(),
            usable.stream()
                .map(s -> s.result().orElseThrow().identity().startedAt())
                .min(Comparator.naturalOrder())
                .orElse(Instant.now())),
        template.mesh(),
        workloads,
        SloEvaluator.evaluate(SloLimits.of(template.sloChecks()), workloads),
        counters(usable),
        template.environment(),
        new Ending(
            usable.stream().anyMatch(s -> s.result().orElseThrow().ending().interrupted()),
            problems));
  }

  private static WorkloadResult mergeWorkload(
      List<ShardFolder> usable, Path outDir, ShardRecord first) throws IOException {
    WorkloadResult any = usable.get(0).result().orElseThrow().workload();
    long startMillis = first.startAt().toEpochMilli();
    IntervalMerge intervals =
        new IntervalMerge(startMillis + any.workload().timing().warmup().toMillis());
    List<WorkloadResult> results = new ArrayList<>();
    List<WorkloadLedger> ledgers = new ArrayList<>();
    for (ShardFolder shard : usable) {
      WorkloadResult result = shard.result().orElseThrow().workload();
      results.add(result);
      ledgers.add(shard.record().ledger().orElseThrow());
      intervals.addLog(shard.dir().resolve(result.name() + ".hlog"));
      intervals.addPoints(result.intervals());
    }
    intervals.writeLog(
        outDir.resolve(any.name() + ".hlog"),
        startMillis,
        "meshcheck workload " + any.name() + ", merged from " + usable.size() + " shards");
    List<String> labels = usable.stream().map(ShardFolder::label).toList();
    return WorkloadSum.of(results, labels, ledgers, intervals.points());
  }

  private static List<String> missingShards(List<ShardFolder> shards, int count) {
    Set<Integer> present = new TreeSet<>();
    shards.forEach(s -> present.add(s.record().shard().index()));
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (!present.contains(i)) {
        missing.add("shard " + i + "/" + count + " is missing: no folder of it was given");
      }
    }
    return missing;
  }

  /**
   * Every shard read the counters of the same mesh: before from the shard that read first (the
   * smallest message count), after from the one that read last (the largest).
   */
  private static ServerCounters counters(List<ShardFolder> usable) {
    List<ServerCounters> all =
        usable.stream()
            .map(s -> s.result().orElseThrow().serverCounters())
            .filter(c -> !c.before().isEmpty() && !c.after().isEmpty())
            .toList();
    if (all.isEmpty()) {
      return ServerCounters.none();
    }
    ServerCounters earliest =
        all.stream().min(Comparator.comparingLong(c -> total(c.before()))).orElseThrow();
    ServerCounters latest =
        all.stream().max(Comparator.comparingLong(c -> total(c.after()))).orElseThrow();
    return new ServerCounters(earliest.before(), latest.after());
  }

  private static long total(List<dev.meshcheck.measure.ServerStats> stats) {
    return stats.stream().mapToLong(s -> s.counters().getOrDefault("in_msgs", 0L)).sum();
  }
}
