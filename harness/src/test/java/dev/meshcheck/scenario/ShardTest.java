package dev.meshcheck.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShardTest {
  @Test
  void sharesCoverEveryConnectionOnceWithTheFirstShardsTakingTheRemainder() {
    int total = 7;
    int next = 0;
    for (int i = 0; i < 3; i++) {
      Shard shard = new Shard(i, 3);
      assertThat(shard.offset(total)).as("shard %d starts where the last ended", i).isEqualTo(next);
      next += shard.share(total);
    }
    assertThat(next).isEqualTo(total);
    assertThat(new Shard(0, 3).share(7)).isEqualTo(3);
    assertThat(new Shard(2, 3).share(7)).isEqualTo(2);
  }

  @Test
  void namesCarryTheShardAndTheNumberInTheWholeWorkload() {
    assertThat(Shard.whole().connectionName("publisher", 0)).isEqualTo("publisher-1");
    assertThat(Shard.parse("1/3").orElseThrow().connectionName("publisher", 3))
        .isEqualTo("shard1-publisher-4");
  }

  @Test
  void badShardTextIsNoShard() {
    for (String bad : new String[] {"3/3", "1", "-1/3", "a/b", "1/0"}) {
      assertThat(Shard.parse(bad)).as(bad).isEmpty();
    }
    assertThat(Shard.parse("2/3")).contains(new Shard(2, 3));
  }
}
