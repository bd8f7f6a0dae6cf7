package dev.meshcheck.steps;

import dev.meshcheck.scenario.BadInputException;
import io.cucumber.plugin.event.PickleStepTestStep;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Refuses the steps a Cucumber dry run ({@link DryRun}) found without a step definition, before
 * anything is launched, so that a typo in a feature is bad input at its file and line with the
 * nearest steps the library has, not a failed scenario after minutes of meshes.
 */
final class UndefinedSteps {
  private static final int SUGGESTIONS = 3;

  private UndefinedSteps() {}

  /**
   * @throws BadInputException at the first step a dry run found undefined, naming the others' count
   *     and the closest steps of the library
   */
  static void requireNone(DryRun dryRun) {
    List<PickleStepTestStep> undefined = dryRun.undefinedSteps();
    if (undefined.isEmpty()) {
      return;
    }
    PickleStepTestStep first = undefined.get(0);
    String text = first.getStep().getKeyword() + first.getStep().getText();
    String others = undefined.size() == 1 ? "" : " (and " + (undefined.size() - 1) + " more)";
    throw new BadInputException(
        Path.of(first.getUri()),
        first.getStep().getLine(),
        "step",
        "no step of meshcheck matches '"
            + text.strip()
            + "'"
            + others
            + "; the closest are: "
            + closest(first.getStep().getText()));
  }

  private static String closest(String text) {
    return StepCatalog.load().stream()
        .map(StepCatalog.Entry::pattern)
        .distinct()
        .sorted(
            Comparator.comparingInt(
                pattern -> EditDistance.between(normalize(pattern), normalize(text))))
        .limit(SUGGESTIONS)
        .map(pattern -> "'" + pattern + "'")
        .collect(Collectors.joining(", "));
  }

  private static String normalize(String step) {
    return step.toLowerCase(Locale.ROOT)
        .replaceAll("\"[^\"]*\"", "{string}")
        .replaceAll("\\b\\d+\\b", "{int}");
  }
}
