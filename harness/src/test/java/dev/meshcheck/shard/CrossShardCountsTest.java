package dev.meshcheck.shard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.result.WorkloadLedger;
import dev.meshcheck.result.WorkloadLedger.ReceiverTally;
import dev.meshcheck.result.WorkloadLedger.SenderTally;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrossShardCountsTest {
  @Test
  void aSubscriberExpectsThePublishersOfEveryShard() {
    WorkloadLedger shard0 =
        new WorkloadLedger(
            List.of(new SenderTally(0, "shard0-publisher-1", 100)),
            List.of(plain("shard0-subscriber-1", 100, 100)));
    WorkloadLedger shard1 =
        new WorkloadLedger(
            List.of(new SenderTally(1, "shard1-publisher-2", 100)),
            List.of(plain("shard1-subscriber-2", 100, 97)));
    CrossShardCounts counts = CrossShardCounts.of(List.of(shard0, shard1));
    assertThat(counts.lost())
        .as("shard 1's subscriber missed 3 of shard 1's own publisher, no other shard sees that")
        .isEqualTo(3);
  }

  @Test
  void aSubscriberThatMissedAnotherShardsPublisherCountsAsLoss() {
    WorkloadLedger shard0 =
        new WorkloadLedger(List.of(new SenderTally(0, "p1", 50)), List.of(plain("s1", 50, 40)));
    WorkloadLedger shard1 =
        new WorkloadLedger(List.of(new SenderTally(1, "p2", 40)), List.of(plain("s2", 50, 40)));
    assertThat(CrossShardCounts.of(List.of(shard0, shard1)).lost())
        .as("p1 sent 50 and p2 40; s1 and s2 each got 50 of p1 and 40 of p2")
        .isZero();
    WorkloadLedger shard1Short =
        new WorkloadLedger(List.of(new SenderTally(1, "p2", 45)), List.of(plain("s2", 50, 40)));
    assertThat(CrossShardCounts.of(List.of(shard0, shard1Short)).lost())
        .as("p2 sent 45; s1 and s2 each got 40 of them")
        .isEqualTo(10);
  }

  @Test
  void aQueueGroupSplitOverShardsExpectsEachMessageOnceOverAllItsMembers() {
    WorkloadLedger shard0 =
        new WorkloadLedger(
            List.of(new SenderTally(0, "p1", 100)),
            List.of(new ReceiverTally("workers", Optional.of("workers"), new long[] {60}, 1, 0)));
    WorkloadLedger shard1 =
        new WorkloadLedger(
            List.of(),
            List.of(new ReceiverTally("workers", Optional.of("workers"), new long[] {38}, 0, 2)));
    CrossShardCounts counts = CrossShardCounts.of(List.of(shard0, shard1));
    assertThat(counts.lost()).isEqualTo(2);
    assertThat(counts.duplicates()).isEqualTo(1);
    assertThat(counts.outOfOrder()).isEqualTo(2);
  }

  private static ReceiverTally plain(String name, long fromFirst, long fromSecond) {
    return new ReceiverTally(name, Optional.empty(), new long[] {fromFirst, fromSecond}, 0, 0);
  }
}
