package dev.meshcheck.steps;

import dev.meshcheck.scenario.BadInputException;
import dev.meshcheck.scenario.FeatureFiles;
import dev.meshcheck.scenario.Suggestions;
import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.RuleChild;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Refuses a feature whose tags the harness does not know, before anything runs: a misspelt
 * capability ({@code @gateway}) would otherwise be ignored and the scenario would run where it
 * should have been skipped. Known are the capability tags ({@link Capabilities}) and area tags: the
 * name of every folder under {@code features/}, and of the folder a feature file is in. Stateless.
 */
final class FeatureTags {
  private FeatureTags() {}

  /**
   * @param filesOrFolders feature files (optionally with Cucumber's {@code :line} suffixes) or
   *     folders
   * @throws BadInputException naming the file, the line, the unknown tag and the known ones
   */
  static void requireKnown(List<Path> filesOrFolders, Path featuresRoot) {
    for (Path root : filesOrFolders) {
      for (Path file : FeatureFiles.featureFiles(FeatureFiles.withoutLines(root))) {
        Set<String> known = known(featuresRoot, file);
        for (Tag tag : tagsOf(file)) {
          if (!known.contains(tag.getName()) && !Capabilities.isCapability(tag.getName())) {
            throw new BadInputException(
                file,
                tag.getLocation().getLine().intValue(),
                "tags",
                "unknown tag '"
                    + tag.getName()
                    + "'"
                    + Suggestions.nearest(tag.getName(), known)
                        .map(nearest -> " (did you mean '" + nearest + "'?)")
                        .orElse("")
                    + "; known: "
                    + String.join(", ", known)
                    + ", @min-server-X.Y");
          }
        }
      }
    }
  }

  /** Capability tags, then area tags, sorted. */
  static Set<String> known(Path featuresRoot, Path featureFile) {
    Set<String> areas = new TreeSet<>();
    Path parent = featureFile.toAbsolutePath().getParent();
    if (parent != null && parent.getFileName() != null) {
      areas.add("@" + parent.getFileName());
    }
    if (Files.isDirectory(featuresRoot)) {
      try (Stream<Path> folders = Files.list(featuresRoot)) {
        folders.filter(Files::isDirectory).forEach(f -> areas.add("@" + f.getFileName()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + featuresRoot, e);
      }
    }
    Set<String> known = new java.util.LinkedHashSet<>(Capabilities.TAGS);
    known.addAll(areas);
    return known;
  }

  private static List<Tag> tagsOf(Path file) {
    GherkinParser parser =
        GherkinParser.builder().includeSource(false).includePickles(false).build();
    List<Tag> tags = new ArrayList<>();
    try (Stream<Envelope> envelopes = parser.parse(file)) {
      envelopes
          .flatMap(e -> e.getGherkinDocument().stream())
          .flatMap(d -> d.getFeature().stream())
          .forEach(feature -> collect(feature, tags));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return tags;
  }

  private static void collect(Feature feature, List<Tag> tags) {
    tags.addAll(feature.getTags());
    for (FeatureChild child : feature.getChildren()) {
      child.getScenario().ifPresent(s -> collect(s, tags));
      child
          .getRule()
          .ifPresent(
              rule -> {
                tags.addAll(rule.getTags());
                rule.getChildren().stream()
                    .map(RuleChild::getScenario)
                    .flatMap(java.util.Optional::stream)
                    .forEach(s -> collect(s, tags));
              });
    }
  }

  private static void collect(Scenario scenario, List<Tag> tags) {
    tags.addAll(scenario.getTags());
    scenario.getExamples().forEach(e -> tags.addAll(e.getTags()));
  }
}
