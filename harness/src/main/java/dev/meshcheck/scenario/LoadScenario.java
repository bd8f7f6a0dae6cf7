package dev.meshcheck.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * A load scenario file: what to run, on which topology, and what must hold. Its placement always
 * names nodes its topology has.
 *
 * @param file where it was read from (for messages and reports)
 * @param faults the fault timeline, in time order: applied during the measured phase
 * @throws BadInputException when the workload's placement names a node, cluster or role the
 *     topology lacks (naming where the placement was written)
 */
public record LoadScenario(
    String name, Path file, Topology topology, Workload workload, Slo slo, List<FaultStep> faults) {
  public LoadScenario {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must be given, was blank");
    }
    Placement placement = workload.placement();
    for (NodeChoice choice :
        List.of(placement.senders(), placement.subscribers(), placement.members())) {
      topology.nodesFor(choice);
    }
    faults = List.copyOf(faults);
    FaultTimelines.check(faults, topology, workload.timing().measure());
  }

  /** A scenario without a fault timeline. */
  public LoadScenario(String name, Path file, Topology topology, Workload workload, Slo slo) {
    this(name, file, topology, workload, slo, List.of());
  }

  /** The same scenario on another topology (the command line's {@code --topology}). */
  public LoadScenario withTopology(Topology other) {
    return new LoadScenario(name, file, other, workload, slo, faults);
  }

  /**
   * The same scenario for another length of time (the command line's {@code --warmup} and {@code
   * --duration}).
   *
   * @throws BadInputException when a step of the fault timeline falls outside the new measured
   *     phase
   */
  public LoadScenario withTiming(Timing other) {
    return new LoadScenario(name, file, topology, workload.withTiming(other), slo, faults);
  }
}
