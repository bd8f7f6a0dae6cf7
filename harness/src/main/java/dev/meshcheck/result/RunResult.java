package dev.meshcheck.result;

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

  /** The first workload: scenarios have one today. */
  public WorkloadResult workload() {
    if (workloads.isEmpty()) {
      throw new IllegalStateException("run " + identity.runId() + " has no workload result");
    }
    return workloads.get(0);
  }
}
