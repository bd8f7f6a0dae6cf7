package dev.meshcheck.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * A load scenario file: what to run, on which topology, and what must hold. Its placement always
 * names nodes its topology has.
 *
 * @param file where it was read from (for messages and reports)
 * @throws BadInputException when the workload's placement names a node, cluster or role the
 *     topology lacks (naming where the placement was written)
 */
public record LoadScenario(String name, Path file, Topology topology, Workload workload, Slo slo) {
  public LoadScenario {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must be given, was blank");
    }
    Placement placement = workload.placement();
    for (NodeChoice choice :
        List.of(placement.senders(), placement.subscribers(), placement.members())) {
      topology.nodesFor(choice);
    }
  }

  /** The same scenario on another topology (the command line's {@code --topology}). */
  public LoadScenario withTopology(Topology other) {
    return new LoadScenario(name, file, other, workload, slo);
  }
}
