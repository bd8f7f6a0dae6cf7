package dev.meshcheck.scenario;

import java.nio.file.Path;

/**
 * A load scenario file: what to run, on which topology, and what must hold.
 *
 * @param file where it was read from (for messages and reports)
 */
public record LoadScenario(String name, Path file, Topology topology, Workload workload, Slo slo) {
  public LoadScenario {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must be given, was blank");
    }
  }

  /** The same scenario on another topology (the command line's {@code --topology}). */
  public LoadScenario withTopology(Topology other) {
    return new LoadScenario(name, file, other, workload, slo);
  }
}
