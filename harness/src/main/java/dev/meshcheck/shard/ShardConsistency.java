package dev.meshcheck.shard;

import dev.meshcheck.result.ShardRecord;
import dev.meshcheck.scenario.BadInputException;
import dev.meshcheck.scenario.Workload;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Refuses to merge shards that were not shares of one run: a different scenario, workload,
 * topology, shard count or start instant, or the same shard twice. Adding such histograms would
 * give figures of a run that never happened.
 */
final class ShardConsistency {
  private ShardConsistency() {}

  /**
   * @throws BadInputException naming the field, both values and both folders
   */
  static void require(List<ShardFolder> shards) {
    ShardFolder first = shards.get(0);
    for (ShardFolder other : shards.subList(1, shards.size())) {
      same(first, other, "scenario", ShardRecord::scenario);
      same(first, other, "topology", ShardRecord::topology);
      same(first, other, "shard count", r -> r.shard().count());
      same(first, other, "start_at", ShardRecord::startAt);
    }
    Map<Integer, ShardFolder> byIndex = new HashMap<>();
    for (ShardFolder shard : shards) {
      ShardFolder twice = byIndex.put(shard.record().shard().index(), shard);
      if (twice != null) {
        throw new BadInputException(
            shard.dir(),
            0,
            "shard",
            "is shard " + shard.record().shard() + ", as is " + twice.dir() + "; give each once");
      }
    }
    List<ShardFolder> finished = shards.stream().filter(s -> s.result().isPresent()).toList();
    for (ShardFolder other : finished) {
      Workload a = finished.get(0).result().orElseThrow().workload().workload();
      Workload b = other.result().orElseThrow().workload().workload();
      if (!a.equals(b)) {
        throw new BadInputException(
            other.dir(),
            0,
            "spec",
            "ran a different workload than "
                + finished.get(0).dir()
                + " ("
                + b
                + " vs "
                + a
                + "); only shards of one scenario can be merged");
      }
    }
  }

  private static void same(
      ShardFolder a, ShardFolder b, String field, Function<ShardRecord, Object> value) {
    Object va = value.apply(a.record());
    Object vb = value.apply(b.record());
    if (!Objects.equals(va, vb)) {
      throw new BadInputException(
          b.dir().resolve("shard.json"),
          0,
          field,
          "is '"
              + vb
              + "', but '"
              + va
              + "' in "
              + a.dir()
              + "; only shards of one scenario and one start can be merged");
    }
  }
}
