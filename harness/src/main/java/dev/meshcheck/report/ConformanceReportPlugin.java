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
import io.cucumber.plugin.event.WriteEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Cucumber plugin that writes the conformance report ({@code conformance.json} and {@code
 * conformance-summary.md}) into the folder given as its argument: {@code --plugin
 * dev.meshcheck.report.ConformanceReportPlugin:reports/conformance}. The scenario's environment
 * (topology, backend, server) comes from the {@code meshcheck-env:} line the glue logs.
 * Thread-safe.
 */
public final class ConformanceReportPlugin implements ConcurrentEventListener {
  /** Must match {@code dev.meshcheck.steps.ScenarioContext.ENV_PREFIX}. */
  static final String ENV_PREFIX = "meshcheck-env:";

  private final Path folder;
  private final Map<UUID, Map<String, String>> envByTestCase = new ConcurrentHashMap<>();
  private final Map<UUID, String> undefinedStepByTestCase = new ConcurrentHashMap<>();
  private final List<ConformanceScenario> scenarios = new ArrayList<>();
  private Instant startedAt = Instant.now();

  public ConformanceReportPlugin(String folder) {
    this.folder = Path.of(folder);
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestRunStarted.class, e -> startedAt = e.getInstant());
    publisher.registerHandlerFor(WriteEvent.class, this::onWrite);
    publisher.registerHandlerFor(TestStepFinished.class, this::onStepFinished);
    publisher.registerHandlerFor(TestCaseFinished.class, this::onFinished);
    publisher.registerHandlerFor(TestRunFinished.class, this::onRunFinished);
  }

  private void onWrite(WriteEvent event) {
    if (event.getText() != null && event.getText().startsWith(ENV_PREFIX)) {
      envByTestCase.put(event.getTestCase().getId(), ConformanceOutcomes.parseEnv(event.getText()));
    }
  }

  // Cucumber reports an undefined step only as the status "undefined"; a feature writer needs to
  // know which line, in their own words.
  private void onStepFinished(TestStepFinished event) {
    if (event.getResult().getStatus() == Status.UNDEFINED
        && event.getTestStep() instanceof PickleStepTestStep step) {
      undefinedStepByTestCase.putIfAbsent(
          event.getTestCase().getId(),
          "undefined step at line "
              + step.getStep().getLine()
              + ": '"
              + step.getStep().getKeyword()
              + step.getStep().getText()
              + "' (meshcheck steps lists every step)");
    }
  }

  private synchronized void onFinished(TestCaseFinished event) {
    TestCase testCase = event.getTestCase();
    Result result = event.getResult();
    Map<String, String> env = envByTestCase.getOrDefault(testCase.getId(), Map.of());
    scenarios.add(
        new ConformanceScenario(
            ConformanceOutcomes.area(testCase.getUri()),
            ConformanceOutcomes.featurePath(testCase.getUri()),
            testCase.getName(),
            testCase.getLocation().getLine(),
            status(result.getStatus()),
            undefinedStepByTestCase.getOrDefault(
                testCase.getId(), ConformanceOutcomes.reason(result)),
            env.getOrDefault("topology", ""),
            env.getOrDefault("backend", ""),
            env.getOrDefault("server", ""),
            result.getDuration().toMillis()));
    // Rewritten after every scenario so that a run that is interrupted, or killed, still leaves
    // what it had, marked partial.
    write(ConformanceReport.PARTIAL, Instant.now());
  }

  private synchronized void onRunFinished(TestRunFinished event) {
    write(ConformanceReport.COMPLETE, event.getInstant());
  }

  private void write(String status, Instant at) {
    long durationMillis = Duration.between(startedAt, at).toMillis();
    ConformanceReportWriter.write(
        ConformanceReport.of(status, at.toString(), durationMillis, scenarios), folder);
  }

  private static String status(Status status) {
    return switch (status) {
      case PASSED -> ConformanceScenario.PASSED;
      case SKIPPED -> ConformanceScenario.SKIPPED;
      default -> ConformanceScenario.FAILED;
    };
  }
}
