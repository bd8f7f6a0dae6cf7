package dev.meshcheck.steps;

import dev.meshcheck.scenario.BadInputException;
import io.cucumber.core.options.RuntimeOptions;
import io.cucumber.core.runtime.Runtime;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestStepFinished;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Finds the steps no step definition matches before anything is launched, with a Cucumber dry run
 * (it matches every step and runs none), so that a typo in a feature is bad input at its file and
 * line with the nearest steps the library has, not a failed scenario after minutes of meshes.
 */
final class UndefinedSteps {
  private static final int SUGGESTIONS = 3;

  private UndefinedSteps() {}

  /**
   * @throws BadInputException at the first undefined step, naming the others' count and the closest
   *     steps of the library
   */
  static void requireNone(RuntimeOptions dryRun, GlueFactory glue) {
    Collector undefined = new Collector();
    Runtime.builder()
        .withRuntimeOptions(dryRun)
        .withClassLoader(UndefinedSteps.class::getClassLoader)
        .withObjectFactorySupplier(() -> glue)
        .withAdditionalPlugins(undefined)
        .build()
        .run();
    if (undefined.steps.isEmpty()) {
      return;
    }
    PickleStepTestStep first = undefined.steps.get(0);
    String text = first.getStep().getKeyword() + first.getStep().getText();
    String others =
        undefined.steps.size() == 1 ? "" : " (and " + (undefined.steps.size() - 1) + " more)";
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
        .sorted(Comparator.comparingInt(pattern -> distance(normalize(pattern), normalize(text))))
        .limit(SUGGESTIONS)
        .map(pattern -> "'" + pattern + "'")
        .collect(Collectors.joining(", "));
  }

  private static String normalize(String step) {
    return step.toLowerCase(Locale.ROOT)
        .replaceAll("\"[^\"]*\"", "{string}")
        .replaceAll("\\b\\d+\\b", "{int}");
  }

  /** Edit distance between two texts (Levenshtein), over characters. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** Keeps the steps a dry run found without a definition, in the order met. */
  private static final class Collector implements ConcurrentEventListener {
    private final List<PickleStepTestStep> steps = new ArrayList<>();

    @Override
    public void setEventPublisher(EventPublisher publisher) {
      publisher.registerHandlerFor(TestStepFinished.class, this::onStep);
    }

    private synchronized void onStep(TestStepFinished event) {
      if (event.getResult().getStatus() == Status.UNDEFINED
          && event.getTestStep() instanceof PickleStepTestStep step) {
        steps.add(step);
      }
    }
  }
}
