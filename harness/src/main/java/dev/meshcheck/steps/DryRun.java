package dev.meshcheck.steps;

import io.cucumber.core.options.RuntimeOptions;
import io.cucumber.core.runtime.Runtime;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestStepFinished;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Cucumber dry run sees of the selected scenarios: each one's tags and its steps as matched
 * to the glue (the step definition's pattern and the arguments taken from the text), and the steps
 * nothing matches. A dry run matches every step and runs none, so nothing is launched.
 *
 * @param scenarios the selected scenarios (outline examples one by one), in run order
 * @param undefinedSteps the steps no step definition matches, in the order met
 */
record DryRun(List<MatchedScenario> scenarios, List<PickleStepTestStep> undefinedSteps) {

  /**
   * One selected scenario.
   *
   * @param tags its own tags and those it inherits (feature, rule, examples)
   * @param steps its steps, background first
   */
  record MatchedScenario(URI uri, int line, List<String> tags, List<PickleStepTestStep> steps) {
    MatchedScenario {
      tags = List.copyOf(tags);
      steps = List.copyOf(steps);
    }
  }

  DryRun {
    scenarios = List.copyOf(scenarios);
    undefinedSteps = List.copyOf(undefinedSteps);
  }

  /** Runs Cucumber with {@code dryRunOptions} (which must ask for {@code --dry-run}). */
  static DryRun of(RuntimeOptions dryRunOptions, GlueFactory glue) {
    if (!dryRunOptions.isDryRun()) {
      throw new IllegalArgumentException("the options must ask for a dry run");
    }
    Collector collector = new Collector();
    Runtime.builder()
        .withRuntimeOptions(dryRunOptions)
        .withClassLoader(DryRun.class::getClassLoader)
        .withObjectFactorySupplier(() -> glue)
        .withAdditionalPlugins(collector)
        .build()
        .run();
    return new DryRun(collector.scenarios, collector.undefined);
  }

  private static final class Collector implements ConcurrentEventListener {
    private final List<MatchedScenario> scenarios = new ArrayList<>();
    private final List<PickleStepTestStep> undefined = new ArrayList<>();

    @Override
    public void setEventPublisher(EventPublisher publisher) {
      publisher.registerHandlerFor(TestCaseStarted.class, this::onScenario);
      publisher.registerHandlerFor(TestStepFinished.class, this::onStep);
    }

    private synchronized void onScenario(TestCaseStarted event) {
      TestCase testCase = event.getTestCase();
      List<PickleStepTestStep> steps =
          testCase.getTestSteps().stream()
              .filter(PickleStepTestStep.class::isInstance)
              .map(PickleStepTestStep.class::cast)
              .toList();
      scenarios.add(
          new MatchedScenario(testCase.getUri(), testCase.getLine(), testCase.getTags(), steps));
    }

    private synchronized void onStep(TestStepFinished event) {
      if (event.getResult().getStatus() == Status.UNDEFINED
          && event.getTestStep() instanceof PickleStepTestStep step) {
        undefined.add(step);
      }
    }
  }
}
