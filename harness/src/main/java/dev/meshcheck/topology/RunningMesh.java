package dev.meshcheck.topology;

import dev.meshcheck.scenario.Topology;
import dev.meshcheck.topology.faults.FaultSupport;
import dev.meshcheck.topology.faults.LinkFaults;
import dev.meshcheck.topology.faults.NodeRefs;
import dev.meshcheck.topology.tls.MeshCertificates;
import java.util.List;
import java.util.Optional;

/**
 * A mesh that runs. Closing it stops every node and removes everything the launcher made
 * (processes, containers, networks, temp folders); an external mesh is left as it was. Thread-safe;
 * close is idempotent.
 */
public interface RunningMesh extends AutoCloseable {
  Topology topology();

  Backend backend();

  /** How clients reach the nodes; recorded with every result because it changes latency. */
  ClientAccess clientAccess();

  /** Every node in topology order (node 1 first). */
  List<MeshNode> nodes();

  /** The node numbered {@code number} (from 1). */
  default MeshNode node(int number) {
    if (number < 1 || number > nodes().size()) {
      throw new IllegalArgumentException(
          "no node " + number + "; this mesh has nodes 1.." + nodes().size());
    }
    return nodes().get(number - 1);
  }

  /** The node named {@code name} ({@code east-2}, {@code leaf-1}) or numbered {@code "3"}. */
  default MeshNode node(String name) {
    return node(NodeRefs.resolve(topology(), name).number());
  }

  /** Every node's client URL, comma-separated, as a seed list for clients that should fail over. */
  default String clientUrls() {
    return String.join(",", nodes().stream().map(MeshNode::clientUrl).toList());
  }

  /** The version the first node reports. */
  default String serverVersion() {
    return nodes().get(0).serverInfo().version();
  }

  /**
   * Switches link faults of this mesh on and off. A mesh takes faults only on the link kinds it was
   * launched for ({@link MeshLauncher#launch(Topology, java.util.Set)}); the rest are refused, as
   * is everything on an external mesh.
   */
  default LinkFaults linkFaults() {
    return ResolvingLinkFaults.refusing(
        topology(), FaultSupport.none(backend().cliName(), "this mesh takes no link faults"));
  }

  /**
   * The certificates the launcher made for a mesh whose topology has {@code tls: true}: clients
   * connect with {@link MeshCertificates#clientContext()}, which trusts this run's CA alone. Empty
   * for a mesh without TLS.
   */
  default Optional<MeshCertificates> certificates() {
    return Optional.empty();
  }

  /** The container image the nodes run, for the containers backend. */
  Optional<String> image();

  @Override
  void close();
}
