package dev.meshcheck.shard;

import dev.meshcheck.report.RunReportReader;
import dev.meshcheck.report.ShardFile;
import dev.meshcheck.result.RunResult;
import dev.meshcheck.result.RunStatus;
import dev.meshcheck.result.ShardRecord;
import dev.meshcheck.scenario.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One shard's run folder as the merge sees it: its {@code shard.json} and, when it got that far,
 * its run read back from {@code summary.json} and the {@code .hlog}.
 *
 * @param result empty when the shard never wrote its summary (killed, or its machine was lost)
 */
record ShardFolder(Path dir, ShardRecord record, Optional<RunResult> result) {

  /**
   * @throws BadInputException when {@code dir} is no shard's folder
   */
  static ShardFolder read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(dir, 0, "", "is not a folder");
    }
    ShardRecord record =
        ShardFile.read(dir)
            .orElseThrow(
                () ->
                    new BadInputException(
                        dir,
                        0,
                        "",
                        "is not a shard's run folder: it has no "
                            + ShardFile.NAME
                            + " (run the scenario with --shard i/N)"));
    Optional<RunResult> result =
        Files.isRegularFile(dir.resolve("summary.json"))
            ? Optional.of(RunReportReader.read(dir))
            : Optional.empty();
    return new ShardFolder(dir, record, result);
  }

  /** Whether its figures can be merged: it finished and wrote its ledger and summary. */
  boolean usable() {
    return record.finished() && record.ledger().isPresent() && result.isPresent();
  }

  /** Why this shard makes the merged run partial, in plain words; empty when it does not. */
  List<String> problems() {
    String who = "shard " + record.shard() + " (" + dir + ")";
    List<String> problems = new ArrayList<>();
    if (!record.finished() || result.isEmpty()) {
      problems.add(who + " never finished: it wrote no summary, so it was stopped or killed");
      return problems;
    }
    record.problems().forEach(p -> problems.add(who + ": " + p));
    RunStatus status = result.get().status();
    if (status == RunStatus.PARTIAL && record.problems().isEmpty()) {
      problems.add(who + " was partial: " + result.get().ending().problems());
    }
    return problems;
  }

  String label() {
    return "shard " + record.shard() + " (" + dir + ")";
  }
}
