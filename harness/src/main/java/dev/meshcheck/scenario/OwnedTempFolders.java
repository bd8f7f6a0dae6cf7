package dev.meshcheck.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Temp folders that name the JVM that made them ({@code pid@startMillis} in {@value #OWNER_FILE}),
 * so that a later JVM can delete those whose maker was killed ({@code kill -9}) before its shutdown
 * hook could. A folder whose maker still runs is never touched. Thread-safe.
 */
final class OwnedTempFolders {
  static final String OWNER_FILE = ".meshcheck-owner";

  private OwnedTempFolders() {}

  /** A new folder {@code <parent>/<prefix><random>} marked as this JVM's. */
  static Path create(Path parent, String prefix) throws IOException {
    Files.createDirectories(parent);
    Path folder = Files.createTempDirectory(parent, prefix);
    Files.writeString(folder.resolve(OWNER_FILE), Owner.currentJvm().toString());
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

  /** A folder whose owner file cannot be read or parsed is not known to be an orphan: it stays. */
  private static boolean makerIsGone(Path folder) {
    try {
      return Owner.parse(Files.readString(folder.resolve(OWNER_FILE)))
          .map(owner -> !owner.isAlive())
          .orElse(false);
    } catch (IOException e) {
      return false;
    }
  }

  static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
