package dev.meshcheck.compare;

import dev.meshcheck.report.SampleRuns;
import dev.meshcheck.scenario.NodeChoice;
import dev.meshcheck.scenario.Workload;

/** The sample workload with another placement of its clients. */
final class SampleRunsAccess {
  private SampleRunsAccess() {}

  static Workload workloadWithClientsOn(String reference) {
    return SampleRuns.workload(NodeChoice.on(reference));
  }
}
