package dev.meshcheck.cli;

import dev.meshcheck.result.RunResult;
import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.shard.ShardMerge;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code meshcheck merge <shard dirs>... --out DIR}: one ordinary run folder from the folders of a
 * sharded run. Exits as {@code run} would on the merged run (a missing or failed shard: partial,
 * 1), and 2 when the folders are not shards of one run.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description =
        "Merge the run folders of 'run --shard i/N' into one run folder: histograms added,"
            + " intervals lined up by time, counts summed, loss worked out across shards.")
final class MergeCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "the shards' run folders")
  List<Path> shardDirs;

  @Option(names = "--out", description = "merged run folder (default: reports/runs/<id>-merged)")
  Path outDir;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    ProjectLayout layout = ProjectLayout.discover();
    String runId =
        outDir != null
            ? outDir.getFileName().toString()
            : RunFolders.stampedId("merged-" + shardDirs.size() + "-shards");
    Path dir = outDir != null ? outDir : layout.reports().resolve("runs").resolve(runId);
    OutputFolders.create(dir);
    RunResult merged = ShardMerge.merge(shardDirs, dir, runId);
    RunFolders.write(dir, merged);
    PrintWriter err = spec.commandLine().getErr();
    RunFolders.refreshIndex(layout.reports(), err);
    ResultTable.print(spec.commandLine().getOut(), merged, dir);
    return RunCommand.exitCode(merged.status());
  }
}
