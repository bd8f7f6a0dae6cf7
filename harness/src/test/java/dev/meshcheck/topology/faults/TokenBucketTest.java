package dev.meshcheck.topology.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aFullBucketLetsTenMillisecondsWorthThroughAtOnce() {
    TokenBucket bucket = new TokenBucket();

    assertThat(bucket.take(10_000, 1_000_000, 0)).isZero();
    assertThat(bucket.take(1, 1_000_000, 0)).as("one byte more").isEqualTo(1_000);
  }

  @Test
  void theLongRunRateIsTheLimitWhateverTheChunkSizes() {
    TokenBucket bucket = new TokenBucket();
    long rate = 256 * 1024;
    long now = 0;
    long sent = 0;
    int[] chunks = {100, 65_536, 3_000, 1, 20_000};
    for (int i = 0; i < 500; i++) {
      int bytes = chunks[i % chunks.length];
      now += bucket.take(bytes, rate, now); // the pump waits exactly as long as it is told
      sent += bytes;
    }
    double observed = sent * (double) SECOND / now;

    assertThat(observed).as("bytes/s").isBetween(rate * 0.99, rate * 1.03);
  }

  @Test
  void anIdleBucketRefillsOnlyUpToItsCapacity() {
    TokenBucket bucket = new TokenBucket();
    bucket.take(2_621, 262_144, 0);

    assertThat(bucket.take(2_621, 262_144, 60 * SECOND)).as("after a minute idle").isZero();
    assertThat(bucket.take(2_621, 262_144, 60 * SECOND)).isPositive();
  }

  @Test
  void readsAreTenMillisecondsOfTheLimitWithinOneAndSixtyFourKibibytes() {
    assertThat(TokenBucket.chunkLimit(1024, 65_536)).isEqualTo(1024);
    assertThat(TokenBucket.chunkLimit(1_000_000, 65_536)).isEqualTo(10_000);
    assertThat(TokenBucket.chunkLimit(100_000_000, 65_536)).isEqualTo(65_536);
  }
}
