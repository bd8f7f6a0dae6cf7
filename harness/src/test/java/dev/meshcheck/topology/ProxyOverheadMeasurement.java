package dev.meshcheck.topology;

import dev.meshcheck.topology.faults.LinkKind;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What the route proxies cost with no fault set: request-reply p50 across a route (requester on
 * node 1, responder on node 2) on two cluster-3 process meshes side by side, one with its routes
 * behind proxies and one without, in interleaved rounds so that machine noise hits both alike.
 * Closed loop, one request in flight, 128 B. A measurement, not a test.
 *
 * <pre>{@code
 * java -cp harness/target/test-classes:harness/target/classes:<deps> \
 *     dev.meshcheck.topology.ProxyOverheadMeasurement [rounds] [requestsPerRound]
 * }</pre>
 */
final class ProxyOverheadMeasurement {
  private static final int WARMUP_REQUESTS = 2000;

  private ProxyOverheadMeasurement() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    MeshLauncher launcher =
        MeshLaunchers.forBackend(Backend.PROCESSES, LauncherSettings.fromEnvironment());
    try (RunningMesh direct = launcher.launch(TestMeshes.topology("cluster-3"));
        RunningMesh proxied =
            launcher.launch(TestMeshes.topology("cluster-3"), Set.of(LinkKind.ROUTE));
        Path directPath = Path.across(direct);
        Path proxiedPath = Path.across(proxied)) {
      directPath.requests(WARMUP_REQUESTS);
      proxiedPath.requests(WARMUP_REQUESTS);
      List<Long> directP50s = new ArrayList<>();
      List<Long> proxiedP50s = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        long d = p50(directPath.requests(perRound));
        long p = p50(proxiedPath.requests(perRound));
        directP50s.add(d);
        proxiedP50s.add(p);
        System.out.printf(
            "round %d: p50 direct %d us, proxied %d us (%+.1f%%)%n",
            round, d / 1000, p / 1000, 100.0 * (p - d) / d);
      }
      long d = median(directP50s);
      long p = median(proxiedP50s);
      System.out.printf(
          "median of %d rounds x %d requests: direct %d us, proxied %d us (%+.1f%%, %+d us)%n",
          rounds, perRound, d / 1000, p / 1000, 100.0 * (p - d) / d, (p - d) / 1000);
    }
  }

  /** A requester on node 1 and an echo responder on node 2 of one mesh. */
  private record Path(Connection requester, Connection responder) implements AutoCloseable {
    static Path across(RunningMesh mesh) throws Exception {
      Connection responder = connect(mesh.node(2).clientUrl());
      Dispatcher echo =
          responder.createDispatcher(m -> responder.publish(m.getReplyTo(), m.getData()));
      echo.subscribe("echo");
      responder.flush(Duration.ofSeconds(2));
      Connection requester = connect(mesh.node(1).clientUrl());
      Path path = new Path(requester, responder);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (requester.request("echo", new byte[1], Duration.ofMillis(200)) == null) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no echo across the route of " + mesh.topology());
        }
      }
      return path;
    }

    long[] requests(int count) throws Exception {
      byte[] payload = new byte[128];
      long[] nanos = new long[count];
      for (int i = 0; i < count; i++) {
        long start = System.nanoTime();
        if (requester.request("echo", payload, Duration.ofSeconds(2)) == null) {
          throw new IllegalStateException("request " + i + " timed out");
        }
        nanos[i] = System.nanoTime() - start;
      }
      return nanos;
    }

    @Override
    public void close() throws InterruptedException {
      requester.close();
      responder.close();
    }
  }

  private static Connection connect(String url) throws Exception {
    return Nats.connect(new Options.Builder().server(url).noReconnect().build());
  }

  private static long p50(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
