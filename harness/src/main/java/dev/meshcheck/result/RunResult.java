package dev.meshcheck.result;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one run produced: the typed result that the report writers, {@code matrix} and {@code
 * compare} read, whether it comes from a run that just ended or from a run folder read back.
 *
 * <pre>{@code
 * RunResult result = runner.run(scenario, request);
 * if (result.status() == RunStatus.SLO_BREACHED) { ... }
 * }</pre>
 *
 * @param faults the fault timeline as it happened and what each fault cost
 */
public record RunResult(
    RunIdentity identity,
    MeshFacts mesh,
    List<WorkloadResult> workloads,
    List<SloCheck> sloChecks,
    ServerCounters serverCounters,
    RunEnvironment environment,
    Ending ending,
    FaultOutcome faults) {

  public RunResult {
    workloads = List.copyOf(workloads);
    sloChecks = List.copyOf(sloChecks);
  }

  /** A run without a fault timeline. */
  public RunResult(
      RunIdentity identity,
      MeshFacts mesh,
      List<WorkloadResult> workloads,
      List<SloCheck> sloChecks,
      ServerCounters serverCounters,
      RunEnvironment environment,
      Ending ending) {
    this(
        identity,
        mesh,
        workloads,
        sloChecks,
        serverCounters,
        environment,
        ending,
        FaultOutcome.none());
  }

  /** Partial beats invalid beats breached beats passed. */
  public RunStatus status() {
    if (ending.interrupted()
        || !ending.problems().isEmpty()
        || workloads.stream().anyMatch(w -> !w.complete())) {
      return RunStatus.PARTIAL;
    }
    if (workloads.stream().anyMatch(w -> !w.isValid())) {
      return RunStatus.INVALID;
    }
    if (sloChecks.stream().anyMatch(c -> !c.passed())) {
      return RunStatus.SLO_BREACHED;
    }
    return RunStatus.PASSED;
  }

  /** What a partial run's SLO checks say instead of pass or FAIL. */
  public static final String NOT_JUDGED = "not judged (run partial)";

  /**
   * Whether the SLO checks decide anything. A partial run's are not judged: its figures cover a
   * measured phase cut short (and the drain of a mesh being stopped), which a limit set for the
   * whole run does not speak about; its exit code says it was stopped, not that an SLO broke.
   */
  public boolean slosJudged() {
    return status() != RunStatus.PARTIAL;
  }

  /** {@code pass}, {@code FAIL}, or {@link #NOT_JUDGED} for every check of a partial run. */
  public String verdictOf(SloCheck check) {
    if (!slosJudged()) {
      return NOT_JUDGED;
    }
    return check.passed() ? "pass" : "FAIL";
  }

  /** Why the run is partial, in plain words; empty when it is not. */
  public List<String> partialReasons() {
    if (status() != RunStatus.PARTIAL) {
      return List.of();
    }
    List<String> reasons = new ArrayList<>();
    if (ending.interrupted()) {
      reasons.add("stopped (Ctrl-C or SIGTERM) before it ended");
    }
    reasons.addAll(ending.problems());
    workloads.stream()
        .filter(w -> !w.complete())
        .forEach(w -> reasons.add("workload " + w.name() + " did not complete its measured phase"));
    return List.copyOf(reasons);
  }

  /** The first workload: scenarios have one today. */
  public WorkloadResult workload() {
    if (workloads.isEmpty()) {
      throw new IllegalStateException("run " + identity.runId() + " has no workload result");
    }
    return workloads.get(0);
  }
}
