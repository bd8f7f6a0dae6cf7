package dev.meshcheck.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The YAML files of one folder by name, for "known: ..." in messages. */
final class YamlFiles {
  private YamlFiles() {}

  /**
   * The names, without {@code .yaml}, of the folder's YAML files, sorted; none when it is absent.
   */
  static List<String> names(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .map(n -> n.substring(0, n.length() - ".yaml".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
