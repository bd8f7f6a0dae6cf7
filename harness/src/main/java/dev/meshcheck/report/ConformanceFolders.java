package dev.meshcheck.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where {@code meshcheck check} writes: each run into its own folder under {@code
 * reports/conformance/runs/}, and a {@code latest} link beside it switched to a run only once that
 * run's report is complete. A killed or interrupted run can therefore never leave its empty or cut
 * files beside an older run's "passed", and CI reads {@code reports/conformance/latest/}.
 */
public final class ConformanceFolders {
  public static final String LATEST = "latest";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private ConformanceFolders() {}

  /** A new, empty folder for one run under {@code conformance/runs/}. */
  public static Path newRun(Path conformance) {
    Path runs = conformance.resolve("runs");
    String stamp = LocalDateTime.now().format(STAMP);
    try {
      Files.createDirectories(runs);
      for (int n = 1; ; n++) {
        Path candidate = runs.resolve(n == 1 ? stamp : stamp + "-" + n);
        try {
          return Files.createDirectory(candidate);
        } catch (java.nio.file.FileAlreadyExistsException taken) {
          // Two runs in one second: the next suffix.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a run folder under " + runs, e);
    }
  }

  /** Removes a run's folder when nothing was written into it (the run was refused). */
  public static void removeIfEmpty(Path run) {
    try (java.util.stream.Stream<Path> files = Files.list(run)) {
      if (files.findAny().isEmpty()) {
        Files.delete(run);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the empty run folder " + run, e);
    }
  }

  /** Points {@code conformance/latest} at {@code run}, replacing the old link in one step. */
  public static void markLatest(Path conformance, Path run) {
    Path latest = conformance.resolve(LATEST);
    Path fresh = conformance.resolve(LATEST + ".new");
    try {
      Files.deleteIfExists(fresh);
      Files.createSymbolicLink(fresh, conformance.relativize(run));
      Files.move(
          fresh, latest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot point " + latest + " at " + run, e);
    }
  }
}
