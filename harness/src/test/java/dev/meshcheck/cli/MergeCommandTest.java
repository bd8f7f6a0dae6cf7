package dev.meshcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.report.ShardFile;
import dev.meshcheck.result.ShardRecord;
import dev.meshcheck.scenario.Shard;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code merge} refuses before it adds anything (exit 2, one line naming the folder). */
class MergeCommandTest {
  private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");

  @TempDir Path dir;

  @Test
  void shardsOfDifferentScenariosAreRefused() throws Exception {
    Path a = shard("a", new Shard(0, 2), "fanout-orders");
    Path b = shard("b", new Shard(1, 2), "fanout-prices");
    StringWriter err = new StringWriter();
    int exit = merge(err, a, b);
    assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString())
        .contains("field 'scenario'")
        .contains("fanout-prices")
        .contains("fanout-orders")
        .doesNotContain("Exception");
  }

  @Test
  void shardsOfDifferentStartsOrCountsAreRefused() throws Exception {
    Path a = shard("a", new Shard(0, 2), "fanout");
    Path b = dir.resolve("b");
    ShardFile.write(
        b, ShardRecord.started(new Shard(1, 3), "fanout", "cluster-3", START.plusSeconds(60)));
    StringWriter err = new StringWriter();
    assertThat(merge(err, a, b)).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("field 'shard count'");
  }

  @Test
  void theSameShardTwiceIsRefused() throws Exception {
    Path a = shard("a", new Shard(0, 2), "fanout");
    Path b = shard("b", new Shard(0, 2), "fanout");
    StringWriter err = new StringWriter();
    assertThat(merge(err, a, b)).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("is shard 0/2, as is");
  }

  @Test
  void aFolderThatIsNoShardIsRefused() throws Exception {
    Path plain = Files.createDirectories(dir.resolve("plain-run"));
    StringWriter err = new StringWriter();
    assertThat(merge(err, plain)).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("plain-run").contains("has no shard.json");
  }

  @Test
  void shardsThatAllDiedLeaveNothingToMergeAndSaySo() throws Exception {
    Path a = shard("a", new Shard(0, 2), "fanout");
    StringWriter err = new StringWriter();
    assertThat(merge(err, a)).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString())
        .contains("no shard finished")
        .contains("shard 0/2")
        .contains("shard 1/2 is missing");
  }

  private Path shard(String name, Shard shard, String scenario) throws Exception {
    Path folder = dir.resolve(name);
    ShardFile.write(folder, ShardRecord.started(shard, scenario, "cluster-3", START));
    return folder;
  }

  private int merge(StringWriter err, Path... shards) {
    String[] args = new String[shards.length + 3];
    args[0] = "merge";
    for (int i = 0; i < shards.length; i++) {
      args[i + 1] = shards[i].toString();
    }
    args[shards.length + 1] = "--out";
    args[shards.length + 2] = dir.resolve("merged").toString();
    return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
  }
}
