package dev.meshcheck.steps;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the world knows about the scenario it serves: its tags, its feature file and where to write
 * lines that end up in the reports.
 *
 * @param featureUri the feature file; meshes are reused only within one feature
 */
public record ScenarioContext(Collection<String> tags, String featureUri, Consumer<String> logger) {
  /** Prefix of the log line that tells the conformance report the scenario's environment. */
  public static final String ENV_PREFIX = "meshcheck-env:";

  public ScenarioContext {
    tags = List.copyOf(tags);
  }

  static ScenarioContext none() {
    return new ScenarioContext(List.of(), "", line -> {});
  }

  void log(String line) {
    logger.accept(line);
  }
}
