package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.meshcheck.topology.faults.Link;
import dev.meshcheck.topology.faults.LinkFault;
import dev.meshcheck.topology.faults.LinkFaultKind;
import dev.meshcheck.topology.faults.LinkKind;
import io.nats.client.Connection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Latency and bandwidth faults, on each backend that claims them, checked by their effect on real
 * servers: each measured against an unfaulted path of the same mesh, side by side.
 */
class SlowLinksIT {
  private static final Duration LATENCY = Duration.ofMillis(40);
  private static final int SAMPLES = 15;

  @TempDir Path dir;

  static Stream<Backend> backends() {
    return TestMeshes.LAUNCHING_BACKENDS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void routeLatencyShowsInRequestsAcrossThatRouteOnly(Backend backend) throws Exception {
    MeshLauncher launcher = launcherClaiming(backend, LinkKind.ROUTE, LinkFaultKind.LATENCY);
    try (RunningMesh mesh = launcher.launch(TestMeshes.topology("cluster-3"), routes());
        Probes probes = new Probes(mesh)) {
      probes.echo(2, "svc.faulted");
      probes.echo(3, "svc.clear");
      Connection requester = probes.client(1);
      Probes.awaitAnswer(requester, "svc.faulted");
      Probes.awaitAnswer(requester, "svc.clear");

      mesh.linkFaults().apply(Link.route("1", "2"), LinkFault.latency(LATENCY, Duration.ZERO));
      Probes.Medians faulted =
          Probes.sideBySide(requester, "svc.faulted", requester, "svc.clear", SAMPLES);
      mesh.linkFaults().clear(Link.route("1", "2"), LinkFaultKind.LATENCY);
      Probes.Medians cleared =
          Probes.sideBySide(requester, "svc.faulted", requester, "svc.clear", SAMPLES);

      assertThat(faulted.added())
          .as("round trip across route 1-2 minus across route 1-3 (median of %d)", SAMPLES)
          .isBetween(LATENCY.multipliedBy(9).dividedBy(10), LATENCY.multipliedBy(5).dividedBy(4));
      assertThat(cleared.added().abs())
          .as("the same difference once the latency is cleared")
          .isLessThan(Duration.ofMillis(5));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void jitterSpreadsRoundTripsWithinItsBound(Backend backend) throws Exception {
    MeshLauncher launcher = launcherClaiming(backend, LinkKind.ROUTE, LinkFaultKind.LATENCY);
    try (RunningMesh mesh = launcher.launch(TestMeshes.topology("cluster-3"), routes());
        Probes probes = new Probes(mesh)) {
      probes.echo(2, "svc.faulted");
      probes.echo(3, "svc.clear");
      Connection requester = probes.client(1);
      Probes.awaitAnswer(requester, "svc.faulted");
      Duration jitter = Duration.ofMillis(20);

      mesh.linkFaults().apply(Link.route("1", "2"), LinkFault.latency(LATENCY, jitter));
      Probes.Medians faulted =
          Probes.sideBySide(requester, "svc.faulted", requester, "svc.clear", 2 * SAMPLES);

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
    MeshLauncher launcher = launcherClaiming(backend, LinkKind.CLIENT, LinkFaultKind.LATENCY);
    try (RunningMesh mesh =
            launcher.launch(TestMeshes.topology("cluster-3"), Set.of(LinkKind.CLIENT));
        Probes probes = new Probes(mesh)) {
      probes.echo(1, "svc.echo");
      Connection slowClient = probes.client(2);
      Connection clearClient = probes.client(3);
      Probes.awaitAnswer(slowClient, "svc.echo");
      Probes.awaitAnswer(clearClient, "svc.echo");

      mesh.linkFaults().apply(Link.clientsOf("2"), LinkFault.latency(LATENCY, Duration.ZERO));
      Probes.Medians faulted =
          Probes.sideBySide(slowClient, "svc.echo", clearClient, "svc.echo", SAMPLES);

      assertThat(faulted.added())
          .as("round trip of a client of node 2 minus one of node 3 (median of %d)", SAMPLES)
          .isBetween(LATENCY.multipliedBy(9).dividedBy(10), LATENCY.multipliedBy(5).dividedBy(4));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void gatewayLatencyShowsInCrossClusterRequestsOnly(Backend backend) throws Exception {
    MeshLauncher launcher = launcherClaiming(backend, LinkKind.GATEWAY, LinkFaultKind.LATENCY);
    try (RunningMesh mesh =
            launcher.launch(TestMeshes.topology("supercluster-2x3"), Set.of(LinkKind.GATEWAY));
        Probes probes = new Probes(mesh)) {
      probes.echo(5, "svc.west");
      probes.echo(2, "svc.east");
      Connection requester = probes.client(1);
      Probes.awaitAnswer(requester, "svc.west");
      Probes.awaitAnswer(requester, "svc.east");

      mesh.linkFaults()
          .apply(Link.gateway("east", "west"), LinkFault.latency(LATENCY, Duration.ZERO));
      Probes.Medians faulted =
          Probes.sideBySide(requester, "svc.west", requester, "svc.east", SAMPLES);

      assertThat(faulted.added())
          .as("round trip east-1 to west-2 minus east-1 to east-2 (median of %d)", SAMPLES)
          .isBetween(LATENCY.multipliedBy(9).dividedBy(10), LATENCY.multipliedBy(5).dividedBy(4));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void bandwidthLimitCapsThroughputAcrossThatRouteNearTheLimit(Backend backend) throws Exception {
    MeshLauncher launcher = launcherClaiming(backend, LinkKind.ROUTE, LinkFaultKind.BANDWIDTH);
    long limit = 256 * 1024;
    try (RunningMesh mesh = launcher.launch(TestMeshes.topology("cluster-3"), routes());
        Probes probes = new Probes(mesh)) {
      Connection publisher = probes.client(1);
      Connection capped = probes.client(2);
      Connection free = probes.client(3);

      mesh.linkFaults().apply(Link.route("1", "2"), LinkFault.bandwidth(limit));
      double cappedRate = Probes.throughput(publisher, capped, "bulk.capped", 128, 4096);
      double freeRate = Probes.throughput(publisher, free, "bulk.free", 128, 4096);

      assertThat(cappedRate)
          .as("payload bytes/s across route 1-2 capped at %d bytes/s", limit)
          .isBetween(0.85 * limit, 1.05 * limit);
      assertThat(freeRate).as("payload bytes/s across route 1-3").isGreaterThan(4.0 * limit);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void clientLinkBandwidthLimitCapsWhatThatNodesClientsReceive(Backend backend) throws Exception {
    MeshLauncher launcher = launcherClaiming(backend, LinkKind.CLIENT, LinkFaultKind.BANDWIDTH);
    long limit = 256 * 1024;
    try (RunningMesh mesh =
            launcher.launch(TestMeshes.topology("cluster-3"), Set.of(LinkKind.CLIENT));
        Probes probes = new Probes(mesh)) {
      Connection publisher = probes.client(1);
      Connection capped = probes.client(2);
      Connection free = probes.client(3);

      mesh.linkFaults().apply(Link.clientsOf("2"), LinkFault.bandwidth(limit));
      double cappedRate = Probes.throughput(publisher, capped, "bulk.capped", 128, 4096);
      double freeRate = Probes.throughput(publisher, free, "bulk.free", 128, 4096);

      assertThat(cappedRate)
          .as("payload bytes/s to a client of node 2 capped at %d bytes/s", limit)
          .isBetween(0.85 * limit, 1.05 * limit);
      assertThat(freeRate).as("payload bytes/s to a client of node 3").isGreaterThan(4.0 * limit);
    }
  }

  private static MeshLauncher launcherClaiming(
      Backend backend, LinkKind kind, LinkFaultKind fault) {
    MeshLauncher launcher = TestMeshes.launcher(backend);
    assumeTrue(
        launcher.linkFaultSupport().supports(kind, fault),
        () -> launcher.linkFaultSupport().refusal(kind, fault).orElse(""));
    return launcher;
  }

  private static Set<LinkKind> routes() {
    return Set.of(LinkKind.ROUTE);
  }
}
