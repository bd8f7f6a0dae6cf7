package dev.meshcheck.topology;

import dev.meshcheck.scenario.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A topology's server-config include as every node's config gets it: appended to a config that
 * lives in another folder, so its own {@code include}s are replaced by the files they name, looked
 * up beside the file that names them (as nats-server does when it reads the user's file itself).
 * Every line remembers the file and line it came from, so that what the server says about the
 * generated config can name the user's file and line instead.
 */
final class IncludedConfig {
  /** Where one line of the included text was written. */
  record Origin(Path file, int line) {}

  // nats-server's form: include <path>, the path bare or quoted, alone on its line.
  private static final Pattern INCLUDE =
      Pattern.compile("^\\s*include\\s+(?:\"([^\"]+)\"|'([^']+)'|([^\\s;#]+))\\s*;?\\s*(#.*)?$");

  private final List<String> lines = new ArrayList<>();
  private final List<Origin> origins = new ArrayList<>();

  private IncludedConfig() {}

  /**
   * @throws BadInputException naming the file and line of an include that names a missing file or
   *     includes a file that is already being included (a cycle)
   */
  static IncludedConfig of(Path file) {
    IncludedConfig config = new IncludedConfig();
    config.append(file.toAbsolutePath().normalize(), new ArrayDeque<>());
    return config;
  }

  String text() {
    return lines.stream().map(line -> line + "\n").collect(Collectors.joining());
  }

  /** Where the {@code index}-th line (0-based) of {@link #text} came from, if it has that many. */
  Optional<Origin> origin(int index) {
    return index >= 0 && index < origins.size()
        ? Optional.of(origins.get(index))
        : Optional.empty();
  }

  private void append(Path file, Deque<Path> including) {
    including.push(file);
    List<String> own = read(file);
    for (int i = 0; i < own.size(); i++) {
      Matcher include = INCLUDE.matcher(own.get(i));
      if (!include.matches()) {
        lines.add(own.get(i));
        origins.add(new Origin(file, i + 1));
        continue;
      }
      Path named = file.resolveSibling(includedName(include)).normalize();
      if (including.contains(named)) {
        throw new BadInputException(
            file,
            i + 1,
            "include",
            "includes " + named + ", which is already being included (a cycle)");
      }
      if (!Files.isRegularFile(named)) {
        throw new BadInputException(
            file, i + 1, "include", "names " + named + ", which does not exist");
      }
      append(named, including);
    }
    including.pop();
  }

  private static String includedName(Matcher include) {
    for (int group = 1; group <= 3; group++) {
      if (include.group(group) != null) {
        return include.group(group);
      }
    }
    throw new IllegalStateException("the include pattern matched without a path");
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the topology's include " + file, e);
    }
  }
}
