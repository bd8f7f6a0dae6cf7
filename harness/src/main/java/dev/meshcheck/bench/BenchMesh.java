package dev.meshcheck.bench;

import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.scenario.TopologyFiles;
import dev.meshcheck.topology.Backend;
import dev.meshcheck.topology.LauncherSettings;
import dev.meshcheck.topology.MeshLaunchers;
import dev.meshcheck.topology.MeshNode;
import dev.meshcheck.topology.RunningMesh;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A mesh for one JMH trial, launched by the same launchers as {@code meshcheck run}, plus the
 * client connections the benchmark opens on it. Closing it closes the connections, then the mesh.
 * The backend comes from the system property {@code meshcheck.backend} (default {@code auto}) and
 * the checkout from {@code meshcheck.root}; {@code meshcheck jmh} passes both to the forked JVMs.
 * Not thread-safe: a trial's {@code @Setup} and {@code @TearDown} use it.
 *
 * <pre>{@code
 * try (BenchMesh bench = BenchMesh.launch("cluster-3")) {
 *   Connection requester = bench.connect(bench.firstNode());
 * }
 * }</pre>
 */
final class BenchMesh implements AutoCloseable {
  static final String BACKEND_PROPERTY = "meshcheck.backend";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final RunningMesh mesh;
  private final List<Connection> connections = new ArrayList<>();

  private BenchMesh(RunningMesh mesh) {
    this.mesh = mesh;
  }

  /** Launches the topology named {@code topologyName} (or at that path) and waits until ready. */
  static BenchMesh launch(String topologyName) {
    Topology topology = TopologyFiles.resolve(topologyName, ProjectLayout.discover());
    Backend backend = Backend.parse(System.getProperty(BACKEND_PROPERTY, "auto"));
    RunningMesh mesh =
        MeshLaunchers.forBackend(backend, LauncherSettings.fromEnvironment()).launch(topology);
    System.out.printf(
        "%nmeshcheck: mesh %s on backend %s, nats-server %s, clients via %s%n",
        topology.name(), mesh.backend().cliName(), mesh.serverVersion(), mesh.clientAccess());
    return new BenchMesh(mesh);
  }

  /** Node 1: where requesters and publishers connect. */
  MeshNode firstNode() {
    return mesh.node(1);
  }

  /**
   * The last cluster member: the node farthest from node 1, so that a request crosses a route in a
   * cluster and a gateway in a supercluster (node 1 itself in a single-node mesh).
   */
  MeshNode farthestNode() {
    List<MeshNode> members = clusterMembers();
    return members.get(members.size() - 1);
  }

  /** The cluster member the {@code index}-th (from 0) of several clients goes to: round robin. */
  MeshNode spreadNode(int index) {
    List<MeshNode> members = clusterMembers();
    return members.get(index % members.size());
  }

  /** A new connection to {@code node}, closed with this mesh. */
  Connection connect(MeshNode node) throws IOException, InterruptedException {
    Options options =
        new Options.Builder()
            .server(node.clientUrl())
            .connectionTimeout(CONNECT_TIMEOUT)
            // A benchmark on a connection that silently reconnects would measure the reconnect.
            .maxReconnects(0)
            .build();
    Connection connection = Nats.connect(options);
    connections.add(connection);
    return connection;
  }

  private List<MeshNode> clusterMembers() {
    return mesh.nodes().stream().filter(node -> !node.spec().isLeaf()).toList();
  }

  @Override
  public void close() {
    try {
      for (Connection connection : connections) {
        closeQuietly(connection);
      }
    } finally {
      mesh.close();
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
