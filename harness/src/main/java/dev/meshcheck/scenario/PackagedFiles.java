package dev.meshcheck.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The shipped {@code scenarios/} (topologies, scenarios, server configs) that the build packs into
 * meshcheck.jar under {@value #PREFIX}, unpacked into a temporary folder for a run outside a
 * checkout. Unpacked as a tree, so that the relative includes of a topology still find their files.
 * The folder is removed when the JVM exits.
 */
final class PackagedFiles {
  static final String PREFIX = "meshcheck-files/";

  private PackagedFiles() {}

  /** A folder holding {@code scenarios/} as shipped; empty when this build packed none. */
  static Path unpack() {
    try {
      Path target = Files.createTempDirectory("meshcheck-files-");
      deleteOnExit(target);
      Path source =
          Path.of(PackagedFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(source)) {
        copyTree(source.resolve(PREFIX), target);
      } else {
        unpackJar(source, target);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the shipped scenarios", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the harness's own location is not a path", e);
    }
  }

  private static void unpackJar(Path jar, Path target) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (!entry.getName().startsWith(PREFIX) || entry.isDirectory()) {
          continue;
        }
        Path out = target.resolve(entry.getName().substring(PREFIX.length())).normalize();
        if (!out.startsWith(target)) {
          continue; // an entry that would leave the folder: not one of ours
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = file.getInputStream(entry)) {
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path out = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(out);
        } else {
          Files.copy(file, out, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteOnExit(Path folder) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                  } catch (IOException e) {
                    // A temporary folder that stays is harmless.
                  }
                },
                "meshcheck-unpacked-files"));
  }
}
