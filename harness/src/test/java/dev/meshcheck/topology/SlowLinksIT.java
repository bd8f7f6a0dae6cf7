package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.topology.faults.Link;
import dev.meshcheck.topology.faults.LinkFault;
import dev.meshcheck.topology.faults.LinkFaultKind;
import dev.meshcheck.topology.faults.LinkKind;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Latency and bandwidth faults, on each backend that claims them, checked by their effect on real
 * servers: each measured against an unfaulted path of the same mesh, side by side.
 */
@Tag("quiet") // bounds round trips and bandwidth: run alone (harness/pom.xml)
class SlowLinksIT {
  private static final Duration LATENCY = Duration.ofMillis(40);
  private static final int SAMPLES = 15;
  private static final long BANDWIDTH = 256 * 1024;

  static Stream<Backend> backends() {
    return TestMeshes.LAUNCHING_BACKENDS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void routeLatencyShowsInRequestsAcrossThatRouteOnly(Backend backend) throws Exception {
    try (RunningMesh mesh = launch(backend, "cluster-3", LinkKind.ROUTE, LinkFaultKind.LATENCY);
        Probes probes = new Probes(mesh)) {
      Probes.TwoPaths paths = probes.twoPaths(1, 2, 1, 3);

      assertLatencyAdded(mesh, Link.route("1", "2"), paths, "across route 1-2 minus route 1-3");
      mesh.linkFaults().clear(Link.route("1", "2"), LinkFaultKind.LATENCY);

      assertThat(paths.measure(SAMPLES).added().abs())
          .as("the same difference once the latency is cleared")
          .isLessThan(Duration.ofMillis(5));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void jitterSpreadsRoundTripsWithinItsBound(Backend backend) throws Exception {
    try (RunningMesh mesh = launch(backend, "cluster-3", LinkKind.ROUTE, LinkFaultKind.LATENCY);
        Probes probes = new Probes(mesh)) {
      Probes.TwoPaths paths = probes.twoPaths(1, 2, 1, 3);
      Duration jitter = Duration.ofMillis(20);

      mesh.linkFaults().apply(Link.route("1", "2"), LinkFault.latency(LATENCY, jitter));
      Probes.Medians faulted = paths.measure(2 * SAMPLES);

      long[] sorted = faulted.samplesA().clone();
      Arrays.sort(sorted);
      Duration fastest = Duration.ofNanos(sorted[0]);
      Duration slowest = Duration.ofNanos(sorted[sorted.length - 1]);
      // The proxy never forwards early, so the lower bound is exact; the upper one is left to the
      // median, since a loaded machine adds a tail of its own.
      assertThat(fastest).as("fastest round trip").isGreaterThanOrEqualTo(LATENCY.minus(jitter));
      assertThat(faulted.added())
          .as("median round trip across route 1-2 minus across route 1-3")
          .isBetween(LATENCY.minus(jitter.dividedBy(2)), LATENCY.plus(jitter.dividedBy(2)));
      assertThat(slowest.minus(fastest)).as("spread of round trips").isGreaterThan(jitter);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void clientLinkLatencyShowsInThatNodesClientsRoundTrips(Backend backend) throws Exception {
    try (RunningMesh mesh = launch(backend, "cluster-3", LinkKind.CLIENT, LinkFaultKind.LATENCY);
        Probes probes = new Probes(mesh)) {
      Probes.TwoPaths paths = probes.twoPaths(2, 1, 3, 1);

      assertLatencyAdded(
          mesh, Link.clientsOf("2"), paths, "a client of node 2 minus a client of node 3");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void gatewayLatencyShowsInCrossClusterRequestsOnly(Backend backend) throws Exception {
    try (RunningMesh mesh =
            launch(backend, "supercluster-2x3", LinkKind.GATEWAY, LinkFaultKind.LATENCY);
        Probes probes = new Probes(mesh)) {
      Probes.TwoPaths paths = probes.twoPaths(1, 5, 1, 2);

      assertLatencyAdded(
          mesh, Link.gateway("east", "west"), paths, "east-1 to west-2 minus east-1 to east-2");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void bandwidthLimitCapsThroughputAcrossThatRouteNearTheLimit(Backend backend) throws Exception {
    try (RunningMesh mesh = launch(backend, "cluster-3", LinkKind.ROUTE, LinkFaultKind.BANDWIDTH);
        Probes probes = new Probes(mesh)) {
      assertBandwidthCapped(mesh, probes, Link.route("1", "2"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void clientLinkBandwidthLimitCapsWhatThatNodesClientsReceive(Backend backend) throws Exception {
    try (RunningMesh mesh = launch(backend, "cluster-3", LinkKind.CLIENT, LinkFaultKind.BANDWIDTH);
        Probes probes = new Probes(mesh)) {
      assertBandwidthCapped(mesh, probes, Link.clientsOf("2"));
    }
  }

  private static void assertLatencyAdded(
      RunningMesh mesh, Link link, Probes.TwoPaths paths, String difference) throws Exception {
    mesh.linkFaults().apply(link, LinkFault.latency(LATENCY, Duration.ZERO));

    assertThat(paths.measure(SAMPLES).added())
        .as("round trip of %s (median of %d)", difference, SAMPLES)
        .isBetween(LATENCY.multipliedBy(9).dividedBy(10), LATENCY.multipliedBy(5).dividedBy(4));
  }

  /** {@code link} lies between node 1 and node 2, not between node 1 and node 3. */
  private static void assertBandwidthCapped(RunningMesh mesh, Probes probes, Link link)
      throws Exception {
    mesh.linkFaults().apply(link, LinkFault.bandwidth(BANDWIDTH));
    double capped = Probes.throughput(probes.client(1), probes.client(2), "bulk.2", 128, 4096);
    double free = Probes.throughput(probes.client(1), probes.client(3), "bulk.3", 128, 4096);

    assertThat(capped)
        .as("payload bytes/s from node 1 to node 2 through %s capped at %d", link, BANDWIDTH)
        .isBetween(0.85 * BANDWIDTH, 1.05 * BANDWIDTH);
    assertThat(free).as("payload bytes/s from node 1 to node 3").isGreaterThan(4.0 * BANDWIDTH);
  }

  private static RunningMesh launch(
      Backend backend, String topology, LinkKind kind, LinkFaultKind fault) {
    return TestMeshes.launcherClaiming(backend, kind, fault)
        .launch(TestMeshes.topology(topology), java.util.Set.of(kind));
  }
}
