package dev.meshcheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshcheck.result.ShardRecord;
import dev.meshcheck.result.WorkloadLedger;
import dev.meshcheck.result.WorkloadLedger.ReceiverTally;
import dev.meshcheck.result.WorkloadLedger.SenderTally;
import dev.meshcheck.scenario.BadInputException;
import dev.meshcheck.scenario.Shard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardFileTest {
  @TempDir Path dir;

  @Test
  void aFinishedShardReadsBackWithItsLedger() throws Exception {
    ShardRecord started =
        ShardRecord.started(
            new Shard(1, 3), "fanout", "cluster-3", Instant.parse("2026-12-02T10:00:00Z"));
    ShardFile.write(dir, started);
    assertThat(ShardFile.read(dir)).contains(started);

    WorkloadLedger ledger =
        new WorkloadLedger(
            List.of(new SenderTally(1, "shard1-publisher-2", 6000)),
            List.of(
                new ReceiverTally(
                    "shard1-subscriber-2", Optional.empty(), new long[] {6000, 5990, 6000}, 2, 3),
                new ReceiverTally(
                    "workers", Optional.of("workers"), new long[] {10, 20, 30}, 0, 0)));
    ShardRecord finished = started.finished(List.of("a problem"), ledger);
    ShardFile.write(dir, finished);
    assertThat(ShardFile.read(dir)).contains(finished);
    assertThat(dir.resolve("shard.json.tmp")).as("written by rename").doesNotExist();
  }

  @Test
  void aFolderWithoutShardFileIsNoShardAndABrokenOneIsBadInput() throws Exception {
    assertThat(ShardFile.read(dir)).isEmpty();
    Files.writeString(dir.resolve(ShardFile.NAME), "{ \"shard\": \"x\" }");
    assertThatThrownBy(() -> ShardFile.read(dir))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("shard.json");
  }
}
