package dev.meshcheck.steps;

import dev.meshcheck.report.ConformanceFigure;
import dev.meshcheck.report.ConformanceRecorder;

/**
 * Hands what a scenario's steps measured to the conformance report, under the scenario's id. Not
 * thread-safe: steps run on one thread.
 */
public final class Figures {
  private final ConformanceRecorder recorder;
  private final ScenarioContext scenario;

  public Figures(ConformanceRecorder recorder, ScenarioContext scenario) {
    this.recorder = recorder;
    this.scenario = scenario;
  }

  public void record(ConformanceFigure figure) {
    recorder.figure(scenario.id(), figure);
    scenario.log(figure.describe());
  }
}
