package dev.meshcheck.report;

import dev.meshcheck.load.WorkloadResult;
import dev.meshcheck.measure.ServerStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a run produced, ready to be written.
 *
 * @param environment topology, backend, versions, JVM, cores, git commit, settings
 * @param serverStatsBefore per node, before the run (empty when the run failed before it)
 * @param problems what went wrong on the way (for partial runs), in plain words
 */
public record RunOutcome(
    String runId,
    String scenario,
    String topology,
    String backend,
    String serverVersion,
    Instant startedAt,
    List<WorkloadResult> workloads,
    List<SloCheck> sloChecks,
    Map<String, Object> environment,
    List<ServerStats> serverStatsBefore,
    List<ServerStats> serverStatsAfter,
    List<String> problems,
    boolean interrupted) {

  public RunOutcome {
    workloads = List.copyOf(workloads);
    sloChecks = List.copyOf(sloChecks);
    environment = Map.copyOf(environment);
    serverStatsBefore = List.copyOf(serverStatsBefore);
    serverStatsAfter = List.copyOf(serverStatsAfter);
    problems = List.copyOf(problems);
  }

  /** Partial beats invalid beats breached beats passed. */
  public RunStatus status() {
    if (interrupted || !problems.isEmpty() || workloads.stream().anyMatch(w -> !w.complete())) {
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
}
