package dev.meshcheck.result;

import dev.meshcheck.scenario.Shard;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a shard says about itself in its run folder ({@code shard.json}): written when it starts, so
 * that a shard killed mid-run is still named by the merge, and again with its ledger when it ends.
 *
 * @param scenario the scenario's name
 * @param topology the topology's name
 * @param startAt the shared instant the shards' warm-up started at
 * @param finished false while it runs (and forever, when it was killed)
 * @param problems what went wrong, in plain words
 * @param ledger the counts per sender and receiver; empty until it finished
 */
public record ShardRecord(
    Shard shard,
    String scenario,
    String topology,
    Instant startAt,
    boolean finished,
    List<String> problems,
    Optional<WorkloadLedger> ledger) {
  public ShardRecord {
    problems = List.copyOf(problems);
  }

  public static ShardRecord started(
      Shard shard, String scenario, String topology, Instant startAt) {
    return new ShardRecord(shard, scenario, topology, startAt, false, List.of(), Optional.empty());
  }

  public ShardRecord finished(List<String> problems, WorkloadLedger ledger) {
    return new ShardRecord(shard, scenario, topology, startAt, true, problems, Optional.of(ledger));
  }
}
