package dev.meshcheck.run;

import dev.meshcheck.scenario.Shard;
import java.time.Instant;
import java.util.Optional;

/**
 * Which share of a scenario a run takes and when its phases start.
 *
 * @param startAt the shared instant the warm-up starts at; empty: as soon as the run is ready
 */
public record ShardPlan(Shard shard, Optional<Instant> startAt) {
  public static ShardPlan whole() {
    return new ShardPlan(Shard.whole(), Optional.empty());
  }

  /** A run is a shard when it takes a share, or starts at an instant others share. */
  public boolean isShard() {
    return !shard.isWhole() || startAt.isPresent();
  }
}
