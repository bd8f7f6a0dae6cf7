package dev.meshcheck.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The shipped {@code scenarios/} (topologies, scenarios, server configs) that the build packs into
 * meshcheck.jar under {@value #PREFIX}, unpacked into a temporary folder for a run outside a
 * checkout. Unpacked as a tree, so that the relative includes of a topology still find their files.
 * The folder is removed when the JVM exits, and by the next unpacking when that JVM was killed.
 */
final class PackagedFiles {
  static final String PREFIX = "meshcheck-files/";
  private static final String FOLDER_PREFIX = "meshcheck-files-";

  private PackagedFiles() {}

  /** A folder holding {@code scenarios/} as shipped; empty when this build packed none. */
  static Path unpack() {
    try {
      Path temp = Path.of(System.getProperty("java.io.tmpdir"));
      List<Path> orphans = OwnedTempFolders.removeOrphans(temp, FOLDER_PREFIX);
      if (!orphans.isEmpty()) {
        System.err.println("meshcheck: removed what runs killed earlier (kill -9) left behind:");
        orphans.forEach(folder -> System.err.println("  unpacked scenarios folder " + folder));
      }
      Path target = OwnedTempFolders.create(temp, FOLDER_PREFIX);
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
                  try {
                    OwnedTempFolders.deleteTree(folder);
                  } catch (IOException e) {
                    // One that stays is removed by the next unpacking, its owner being gone.
                  }
                },
                "meshcheck-unpacked-files"));
  }
}
