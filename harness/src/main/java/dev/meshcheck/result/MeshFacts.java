package dev.meshcheck.result;

import java.util.List;

/**
 * The mesh a run measured: what makes two runs comparable, or not.
 *
 * @param topology the topology's name
 * @param backend {@code containers}, {@code processes} or {@code external}; {@code unknown} when
 *     the mesh never came up
 * @param serverVersion what the first node reported
 * @param clientAccess how clients reached the nodes ({@code loopback}, {@code container_address},
 *     {@code mapped_port}, ...): it changes latency
 * @param image the container image, or {@code none} on other backends
 * @param nodes one line per node: its name and client URL
 */
public record MeshFacts(
    String topology,
    String backend,
    String serverVersion,
    String clientAccess,
    String image,
    List<String> nodes) {

  public MeshFacts {
    nodes = List.copyOf(nodes);
  }

  /** What is known of a mesh that never came up. */
  public static MeshFacts notLaunched(String topology) {
    return new MeshFacts(topology, "unknown", "unknown", "unknown", "none", List.of());
  }
}
