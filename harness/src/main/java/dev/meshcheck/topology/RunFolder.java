package dev.meshcheck.topology;

import dev.meshcheck.scenario.Owner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A temp folder per launched mesh of the processes backend: node configs, logs, JetStream stores
 * and one pid file per node, plus the owner JVM. {@link #reapOrphans(Path)} stops the servers of
 * folders whose owner died (a {@code kill -9} of the harness) and deletes those folders.
 */
final class RunFolder implements AutoCloseable {
  static final String OWNER_FILE = "owner";
  private static final Duration NEW_FOLDER_AGE = Duration.ofMinutes(1);

  private final Path dir;

  private RunFolder(Path dir) {
    this.dir = dir;
  }

  /** The parent of every run folder: {@code $TMPDIR/meshcheck-processes}. */
  static Path defaultParent() {
    return Path.of(System.getProperty("java.io.tmpdir"), "meshcheck-processes");
  }

  static RunFolder create(Path parent, String topologyName) {
    try {
      Files.createDirectories(parent);
      String id = topologyName + "-" + UUID.randomUUID().toString().substring(0, 8);
      Path dir = Files.createDirectory(parent.resolve(id));
      Files.writeString(dir.resolve(OWNER_FILE), Owner.currentJvm().toString());
      return new RunFolder(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a run folder under " + parent, e);
    }
  }

  Path dir() {
    return dir;
  }

  Path file(String name) {
    return dir.resolve(name);
  }

  void recordPid(String nodeName, long pid) {
    write(file(nodeName + ".pid"), Long.toString(pid));
  }

  void write(Path file, String content) {
    try {
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Deletes the folder and everything in it. */
  @Override
  public void close() {
    deleteTree(dir);
  }

  /**
   * A run folder whose owner was gone, deleted with the servers it still had running.
   *
   * @param killedPids the nats-servers that still ran from it and were killed (SIGKILL)
   */
  record Reaped(Path folder, List<Long> killedPids) {}

  /**
   * Kills the nats-servers of run folders whose owner JVM is gone and deletes those folders.
   *
   * @return the folders deleted, each with the servers it still had running
   */
  static List<Reaped> reapOrphans(Path parent) {
    if (!Files.isDirectory(parent)) {
      return List.of();
    }
    List<Reaped> reaped = new ArrayList<>();
    for (Path run : list(parent)) {
      Optional<Owner> owner = read(run.resolve(OWNER_FILE)).flatMap(Owner::parse);
      if (owner.isPresent() ? owner.get().isAlive() : isNew(run)) {
        continue;
      }
      List<Long> killed = new ArrayList<>();
      for (Path pidFile : list(run)) {
        if (pidFile.getFileName().toString().endsWith(".pid")) {
          killIfOurs(pidFile, run).ifPresent(killed::add);
        }
      }
      try {
        deleteTree(run);
      } catch (UncheckedIOException removedMeanwhile) {
        // Another JVM's launch is reaping the same folder at the same moment: gone either way.
      }
      reaped.add(new Reaped(run, List.copyOf(killed)));
    }
    return reaped;
  }

  /**
   * A folder without an owner file may be one another JVM has just created and not written its
   * owner into yet; deleting it would fail that JVM's launch. Only older ones are orphans.
   */
  private static boolean isNew(Path run) {
    try {
      Instant modified = Files.getLastModifiedTime(run).toInstant();
      return modified.isAfter(Instant.now().minus(NEW_FOLDER_AGE));
    } catch (IOException e) {
      return false;
    }
  }

  /** Kills the pid only if its command line names this run folder: pids get reused. */
  private static Optional<Long> killIfOurs(Path pidFile, Path run) {
    Optional<ProcessHandle> process =
        read(pidFile).flatMap(text -> ProcessHandle.of(Long.parseLong(text.trim())));
    boolean ours =
        process
            .flatMap(p -> p.info().commandLine())
            .map(cmd -> cmd.contains(run.toString()))
            .orElse(false);
    if (!ours) {
      return Optional.empty();
    }
    process.get().destroyForcibly();
    process.get().onExit().join();
    return Optional.of(process.get().pid());
  }

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
