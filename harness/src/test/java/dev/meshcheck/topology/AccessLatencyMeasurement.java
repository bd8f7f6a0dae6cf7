package dev.meshcheck.topology;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import java.util.Arrays;

/**
 * Compares request-reply latency through a container's own address with latency through the port
 * Docker publishes (docker-proxy), on one single-node container mesh, interleaving the two paths in
 * rounds so that machine noise hits both alike. Closed loop, one request in flight; prints p50 and
 * p99 per path. A measurement, not a test.
 *
 * <pre>{@code
 * java -cp harness/target/test-classes:harness/target/classes:<deps> \
 *     dev.meshcheck.topology.AccessLatencyMeasurement [requestsPerPath]
 * }</pre>
 */
final class AccessLatencyMeasurement {
  private static final int ROUNDS = 5;
  private static final int WARMUP_REQUESTS = 500;

  private AccessLatencyMeasurement() {}

  public static void main(String[] args) throws Exception {
    int requestsPerPath = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    MeshLauncher launcher =
        MeshLaunchers.forBackend(Backend.CONTAINERS, LauncherSettings.fromEnvironment());
    try (RunningMesh mesh = launcher.launch(TestMeshes.topology("single"))) {
      ContainerAddress address = ((ContainerMesh) mesh).containerNodes().get(0).address();
      String direct = address.clientUrl(ClientAccess.CONTAINER_ADDRESS);
      String mapped = address.clientUrl(ClientAccess.MAPPED_PORT);
      // The responder sits on the container address for both paths: only the requester's hop
      // differs.
      try (Connection responder = Nats.connect(direct);
          Connection viaAddress = connect(direct);
          Connection viaMapped = connect(mapped)) {
        Dispatcher echo =
            responder.createDispatcher(m -> responder.publish(m.getReplyTo(), m.getData()));
        echo.subscribe("echo");
        responder.flush(Duration.ofSeconds(2));
        long[] directNanos = new long[requestsPerPath];
        long[] mappedNanos = new long[requestsPerPath];
        requests(viaAddress, new long[WARMUP_REQUESTS], 0, WARMUP_REQUESTS);
        requests(viaMapped, new long[WARMUP_REQUESTS], 0, WARMUP_REQUESTS);
        int perRound = requestsPerPath / ROUNDS;
        for (int round = 0; round < ROUNDS; round++) {
          requests(viaAddress, directNanos, round * perRound, perRound);
          requests(viaMapped, mappedNanos, round * perRound, perRound);
        }
        print("container address " + direct, directNanos, perRound * ROUNDS);
        print("mapped port       " + mapped, mappedNanos, perRound * ROUNDS);
      }
    }
  }

  private static Connection connect(String url) throws Exception {
    return Nats.connect(new Options.Builder().server(url).noReconnect().build());
  }

  private static void requests(Connection nc, long[] nanos, int from, int count) throws Exception {
    byte[] payload = new byte[128];
    for (int i = from; i < from + count; i++) {
      long start = System.nanoTime();
      if (nc.request("echo", payload, Duration.ofSeconds(2)) == null) {
        throw new IllegalStateException("request " + i + " timed out on " + nc.getConnectedUrl());
      }
      nanos[i] = System.nanoTime() - start;
    }
  }

  private static void print(String path, long[] nanos, int count) {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    System.out.printf(
        "%s: n=%d p50 %d us, p90 %d us, p99 %d us%n",
        path,
        count,
        sorted[count / 2] / 1000,
        sorted[(int) (count * 0.90)] / 1000,
        sorted[(int) (count * 0.99)] / 1000);
  }
}
