package dev.meshcheck.scenario;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.ParseError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks Gherkin feature files before a run: Cucumber on its own skips a file it cannot parse and
 * reports zero scenarios, which a gate would take for a pass.
 */
public final class FeatureFiles {
  private FeatureFiles() {}

  /**
   * Parses every {@code .feature} file under {@code filesOrFolders} (a file may carry Cucumber's
   * {@code :line} suffixes; the whole file is parsed).
   *
   * @return how many scenarios (examples of outlines counted one by one) the files hold
   * @throws BadInputException naming the file and line of the first syntax error, or when a path
   *     does not exist or holds no scenario
   */
  public static int countScenarios(List<Path> filesOrFolders) {
    int scenarios = 0;
    for (Path selected : filesOrFolders) {
      Path root = withoutLines(selected);
      if (!Files.exists(root)) {
        throw new BadInputException(
            root, 0, "", "no such feature file or folder (try features/ or features/discovery)");
      }
      List<Path> files = featureFiles(root);
      for (Path file : files) {
        scenarios += scenariosIn(file);
      }
    }
    if (scenarios == 0) {
      throw new BadInputException(
          filesOrFolders.get(0), 0, "", "holds no scenario (feature files end in .feature)");
    }
    return scenarios;
  }

  private static int scenariosIn(Path file) {
    GherkinParser parser =
        GherkinParser.builder().includeSource(false).includeGherkinDocument(false).build();
    try (Stream<Envelope> envelopes = parser.parse(file)) {
      int pickles = 0;
      for (Envelope envelope : (Iterable<Envelope>) envelopes::iterator) {
        if (envelope.getParseError().isPresent()) {
          throw syntaxError(file, envelope.getParseError().get());
        }
        pickles += envelope.getPickle().isPresent() ? 1 : 0;
      }
      return pickles;
    } catch (IOException e) {
      throw new BadInputException(file, 0, "", "cannot be read: " + e.getMessage());
    }
  }

  private static BadInputException syntaxError(Path file, ParseError error) {
    int line = error.getSource().getLocation().map(l -> l.getLine().intValue()).orElse(0);
    // The parser's message starts with "(line:column): "; the line is already in ours.
    String message = error.getMessage().replaceFirst("^\\(\\d+:\\d+\\):\\s*", "");
    return new BadInputException(file, line, "", "not valid Gherkin: " + message);
  }

  /** {@code x.feature} for Cucumber's {@code x.feature:12:20}, which selects scenarios by line. */
  public static Path withoutLines(Path fileOrFolder) {
    return Path.of(fileOrFolder.toString().replaceFirst("(\\.feature)(:\\d+)+$", "$1"));
  }

  /** The {@code .feature} files of a file or folder, sorted; a file is returned as it is. */
  public static List<Path> featureFiles(Path root) {
    if (Files.isRegularFile(root)) {
      return List.of(root);
    }
    try (Stream<Path> paths = Files.walk(root)) {
      return new ArrayList<>(
          paths.filter(p -> p.toString().endsWith(".feature")).sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }
}
