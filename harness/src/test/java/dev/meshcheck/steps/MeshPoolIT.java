package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.scenario.TopologyFiles;
import dev.meshcheck.topology.Backend;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The pool lends a clean mesh to any later scenario with the same topology, of whatever feature,
 * never a disturbed one, and keeps at most {@link MeshPool#MAX_IDLE} of them. On the processes
 * backend, where a launch costs least.
 */
class MeshPoolIT {
  private final ProjectLayout layout = ProjectLayout.discover();
  private final RunSettings settings = RunSettings.of(Backend.PROCESSES, layout);

  @Test
  void aCleanMeshIsLentAgainAndADisturbedOneIsClosed() {
    Topology single = TopologyFiles.resolve("single", layout);
    try (MeshPool pool = new MeshPool(settings)) {
      MeshPool.Lease first = pool.acquire(single, Set.of());
      pool.release(first, false);
      MeshPool.Lease second = pool.acquire(single, Set.of());
      assertThat(second.mesh()).as("the clean mesh, lent again").isSameAs(first.mesh());

      pool.release(second, true);
      MeshPool.Lease third = pool.acquire(single, Set.of());
      assertThat(third.mesh()).as("a new mesh after a fault").isNotSameAs(first.mesh());
      pool.release(third, false);
    }
  }

  @Test
  void theMeshUsedLongestAgoIsClosedWhenMoreThanTheLimitAreIdle() {
    Topology[] topologies = {
      TopologyFiles.resolve("single", layout),
      TopologyFiles.resolve("cluster-3", layout),
      Topology.cluster("cluster-2", 2),
      Topology.cluster("cluster-4", 4)
    };
    assertThat(topologies).hasSize(MeshPool.MAX_IDLE + 1);
    try (MeshPool pool = new MeshPool(settings)) {
      MeshPool.Lease[] leases = new MeshPool.Lease[topologies.length];
      for (int i = 0; i < topologies.length; i++) {
        leases[i] = pool.acquire(topologies[i], Set.of());
        pool.release(leases[i], false);
      }
      MeshPool.Lease last = pool.acquire(topologies[topologies.length - 1], Set.of());
      assertThat(last.mesh()).as("kept").isSameAs(leases[topologies.length - 1].mesh());
      pool.release(last, false);
      MeshPool.Lease eldest = pool.acquire(topologies[0], Set.of());
      assertThat(eldest.mesh()).as("closed, so launched again").isNotSameAs(leases[0].mesh());
      pool.release(eldest, false);
    }
  }
}
