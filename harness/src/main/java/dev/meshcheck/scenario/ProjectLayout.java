package dev.meshcheck.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a meshcheck checkout keeps its files: {@code scenarios/}, {@code scenarios/topologies/},
 * {@code features/}, {@code reports/}. The root is the system property {@code meshcheck.root} when
 * set (the build sets it for tests), else the nearest folder at or above the working directory that
 * has {@code scenarios/topologies}. Outside a checkout, the topologies and scenarios are the ones
 * packed into meshcheck.jar, and reports go under the working directory.
 *
 * @param root where {@code features/} and {@code reports/} are
 * @param shipped where {@code scenarios/} is: the root, or the jar's files unpacked
 */
public record ProjectLayout(Path root, Path shipped) {
  public ProjectLayout {
    root = root.toAbsolutePath().normalize();
    shipped = shipped.toAbsolutePath().normalize();
  }

  public ProjectLayout(Path root) {
    this(root, root);
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
    return findRootAbove(cwd)
        .map(ProjectLayout::new)
        .orElseGet(() -> new ProjectLayout(cwd, PackagedFiles.unpack()));
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
    return shipped.resolve("scenarios/topologies");
  }

  /**
   * Where topologies and scenarios by name come from, as a message to the user says it: the
   * checkout's folder, or meshcheck.jar (never the temporary folder the jar's files went to).
   */
  String describe(Path shippedFolder) {
    return root.equals(shipped) ? shippedFolder.toString() : "meshcheck.jar";
  }

  public Path scenarios() {
    return shipped.resolve("scenarios");
  }

  /**
   * The scenario file {@code argument} names: the file itself when it exists, else a shipped
   * scenario of that name ({@code request-reply-1svc-1krps-single}, with or without {@code .yaml}).
   *
   * @throws BadInputException for a bare name that is neither, listing the shipped scenarios
   */
  public Path scenarioFile(Path argument) {
    if (Files.exists(argument) || argument.getNameCount() != 1) {
      return argument;
    }
    String name = argument.toString();
    Path shippedOne = scenarios().resolve(name.endsWith(".yaml") ? name : name + ".yaml");
    if (Files.isRegularFile(shippedOne)) {
      return shippedOne;
    }
    List<String> known = YamlFiles.names(scenarios());
    throw new BadInputException(
        argument,
        0,
        "",
        "no such file, and no scenario by that name in "
            + describe(scenarios())
            + Suggestions.nearest(name, known).map(n -> " (did you mean '" + n + "'?)").orElse("")
            + "; known: "
            + String.join(", ", known));
  }

  public Path features() {
    return root.resolve("features");
  }

  public Path reports() {
    return root.resolve("reports");
  }
}
