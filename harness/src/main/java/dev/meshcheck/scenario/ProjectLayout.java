package dev.meshcheck.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a meshcheck checkout keeps its files: {@code scenarios/}, {@code scenarios/topologies/},
 * {@code features/}, {@code reports/}. The root is the system property {@code meshcheck.root} when
 * set (the build sets it for tests), else the nearest folder at or above the working directory that
 * has {@code scenarios/topologies}.
 */
public record ProjectLayout(Path root) {
  public ProjectLayout {
    root = root.toAbsolutePath().normalize();
  }

  /**
   * The layout of the checkout the harness runs in, or the working directory when none is found.
   */
  public static ProjectLayout discover() {
    String configured = System.getProperty("meshcheck.root");
    if (configured != null && !configured.isBlank()) {
      return new ProjectLayout(Path.of(configured));
    }
    Path cwd = Path.of("").toAbsolutePath();
    return new ProjectLayout(findRootAbove(cwd).orElse(cwd));
  }

  private static Optional<Path> findRootAbove(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("scenarios/topologies"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  public Path topologies() {
    return root.resolve("scenarios/topologies");
  }

  public Path scenarios() {
    return root.resolve("scenarios");
  }

  public Path features() {
    return root.resolve("features");
  }

  public Path reports() {
    return root.resolve("reports");
  }
}
