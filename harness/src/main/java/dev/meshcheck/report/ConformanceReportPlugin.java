package dev.meshcheck.report;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestStepFinished;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Cucumber plugin that builds the conformance report of one run and writes it ({@code
 * conformance.json} and {@code conformance-summary.md}) into a folder after every scenario, so an
 * interrupted run leaves what it had. The glue tells it where each scenario ran through {@link
 * ConformanceRecorder}; {@link #report()} hands the finished report to whoever started the run. One
 * instance per run, added to Cucumber's runtime as an object. Thread-safe.
 *
 * <pre>{@code
 * ConformanceReportPlugin reportPlugin = new ConformanceReportPlugin(Path.of("reports/conformance"));
 * Runtime.builder().withAdditionalPlugins(reportPlugin)...build().run();
 * ConformanceReport report = reportPlugin.report();
 * }</pre>
 */
public final class ConformanceReportPlugin implements ConcurrentEventListener, ConformanceRecorder {
  private final Path folder;
  private final Map<String, ScenarioEnvironment> environmentByTestCase = new ConcurrentHashMap<>();
  private final Map<String, List<ConformanceFigure>> figuresByTestCase = new ConcurrentHashMap<>();
  private final Map<UUID, String> undefinedStepByTestCase = new ConcurrentHashMap<>();
  private final Map<UUID, String> failedStepByTestCase = new ConcurrentHashMap<>();
  private final List<ConformanceScenario> scenarios = new ArrayList<>();
  private final Set<String> interruptedIds = ConcurrentHashMap.newKeySet();
  private final List<String> interrupted = new ArrayList<>();
  private Instant startedAt = Instant.now();
  private ConformanceReport report;

  public ConformanceReportPlugin(Path folder) {
    this.folder = folder;
    this.report =
        ConformanceReport.of(ConformanceReport.PARTIAL, startedAt.toString(), 0, List.of());
  }

  @Override
  public void environment(String scenarioId, ScenarioEnvironment environment) {
    environmentByTestCase.put(scenarioId, environment);
  }

  @Override
  public void figure(String scenarioId, ConformanceFigure figure) {
    figuresByTestCase
        .computeIfAbsent(scenarioId, id -> new java.util.concurrent.CopyOnWriteArrayList<>())
        .add(figure);
  }

  @Override
  public void interrupted(String scenarioId) {
    interruptedIds.add(scenarioId);
  }

  /**
   * The report as it stands: {@link ConformanceReport#COMPLETE} once the run has finished with
   * every scenario run to its end, else {@link ConformanceReport#PARTIAL}.
   */
  public synchronized ConformanceReport report() {
    return report;
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestRunStarted.class, e -> startedAt = e.getInstant());
    publisher.registerHandlerFor(TestStepFinished.class, this::onStepFinished);
    publisher.registerHandlerFor(TestCaseFinished.class, this::onFinished);
    publisher.registerHandlerFor(TestRunFinished.class, this::onRunFinished);
  }

  // Cucumber reports an undefined step only as the status "undefined"; a feature writer needs to
  // know which line, in their own words. A failed step is named so that a reader (and the mutation
  // catalogue) can tell which check caught a problem.
  private void onStepFinished(TestStepFinished event) {
    if (!(event.getTestStep() instanceof PickleStepTestStep step)) {
      return;
    }
    String line = "line " + step.getStep().getLine() + ": ";
    String text = step.getStep().getKeyword() + step.getStep().getText();
    UUID testCase = event.getTestCase().getId();
    if (event.getResult().getStatus() == Status.UNDEFINED) {
      undefinedStepByTestCase.putIfAbsent(
          testCase,
          "undefined step at " + line + "'" + text + "' (meshcheck steps lists every step)");
    } else if (event.getResult().getStatus() == Status.FAILED) {
      failedStepByTestCase.putIfAbsent(testCase, line + text);
    }
  }

  private synchronized void onFinished(TestCaseFinished event) {
    TestCase testCase = event.getTestCase();
    Result result = event.getResult();
    if (interruptedIds.contains(testCase.getId().toString())) {
      interrupted.add(
          ConformanceOutcomes.featurePath(testCase.getUri())
              + ":"
              + testCase.getLocation().getLine()
              + " "
              + testCase.getName());
      write(ConformanceReport.PARTIAL, Instant.now());
      return;
    }
    Optional<ScenarioEnvironment> environment =
        Optional.ofNullable(environmentByTestCase.get(testCase.getId().toString()));
    scenarios.add(
        new ConformanceScenario(
            ConformanceOutcomes.area(testCase.getUri()),
            ConformanceOutcomes.featurePath(testCase.getUri()),
            testCase.getName(),
            testCase.getLocation().getLine(),
            status(result.getStatus()),
            undefinedStepByTestCase.getOrDefault(
                testCase.getId(), ConformanceOutcomes.reason(result)),
            environment.map(ScenarioEnvironment::topology).orElse(""),
            environment.map(ScenarioEnvironment::backend).orElse(""),
            environment.map(ScenarioEnvironment::serverVersion).orElse(""),
            result.getDuration().toMillis(),
            failedStepByTestCase.getOrDefault(testCase.getId(), ""),
            figuresByTestCase.getOrDefault(testCase.getId().toString(), List.of())));
    // Rewritten after every scenario so that a run that is interrupted, or killed, still leaves
    // what it had, marked partial.
    write(ConformanceReport.PARTIAL, Instant.now());
  }

  private synchronized void onRunFinished(TestRunFinished event) {
    write(
        interrupted.isEmpty() ? ConformanceReport.COMPLETE : ConformanceReport.PARTIAL,
        event.getInstant());
  }

  private void write(String status, Instant at) {
    long durationMillis = Duration.between(startedAt, at).toMillis();
    report = ConformanceReport.of(status, at.toString(), durationMillis, scenarios, interrupted);
    ConformanceReportWriter.write(report, folder);
  }

  private static String status(Status status) {
    return switch (status) {
      case PASSED -> ConformanceScenario.PASSED;
      case SKIPPED -> ConformanceScenario.SKIPPED;
      default -> ConformanceScenario.FAILED;
    };
  }
}
