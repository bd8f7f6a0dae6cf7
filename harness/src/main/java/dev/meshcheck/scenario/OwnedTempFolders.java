package dev.meshcheck.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Temp folders that name the JVM that made them ({@code pid@startMillis} in {@value #OWNER_FILE}),
 * so that a later JVM can delete those whose maker was killed ({@code kill -9}) before its shutdown
 * hook could. A folder whose maker still runs is never touched. Thread-safe.
 */
final class OwnedTempFolders {
  static final String OWNER_FILE = ".meshcheck-owner";

  /** Start times read twice may differ by rounding; a reused pid starts much later. */
  private static final long SAME_START_MILLIS = 2000;

  private OwnedTempFolders() {}

  /** A new folder {@code <parent>/<prefix><random>} marked as this JVM's. */
  static Path create(Path parent, String prefix) throws IOException {
    Files.createDirectories(parent);
    Path folder = Files.createTempDirectory(parent, prefix);
    ProcessHandle self = ProcessHandle.current();
    Files.writeString(folder.resolve(OWNER_FILE), self.pid() + "@" + startMillis(self).orElse(0L));
    return folder;
  }

  /**
   * Deletes the folders {@code <parent>/<prefix>*} whose maker is gone. A folder without an owner
   * may be one another JVM has just made and not marked yet: it stays.
   *
   * @return the folders deleted
   */
  static List<Path> removeOrphans(Path parent, String prefix) {
    List<Path> removed = new ArrayList<>();
    try (Stream<Path> entries = Files.list(parent)) {
      for (Path folder : (Iterable<Path>) entries::iterator) {
        if (folder.getFileName().toString().startsWith(prefix) && makerIsGone(folder)) {
          deleteTree(folder);
          removed.add(folder);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // A temp folder that cannot be listed or that another JVM removes meanwhile: left as it is.
    }
    return removed;
  }

  private static boolean makerIsGone(Path folder) {
    String owner;
    try {
      owner = Files.readString(folder.resolve(OWNER_FILE)).trim();
    } catch (IOException e) {
      return false;
    }
    String[] parts = owner.split("@");
    try {
      long pid = Long.parseLong(parts[0]);
      long startMillis = Long.parseLong(parts[1]);
      return ProcessHandle.of(pid)
          .filter(Liveness::isRunning)
          .flatMap(OwnedTempFolders::startMillis)
          .map(start -> Math.abs(start - startMillis) >= SAME_START_MILLIS)
          .orElse(true);
    } catch (RuntimeException unreadable) {
      return false;
    }
  }

  private static Optional<Long> startMillis(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli);
  }

  static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
