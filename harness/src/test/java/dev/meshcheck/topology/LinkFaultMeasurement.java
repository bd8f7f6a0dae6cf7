package dev.meshcheck.topology;

import dev.meshcheck.topology.faults.Link;
import dev.meshcheck.topology.faults.LinkFault;
import dev.meshcheck.topology.faults.LinkFaultKind;
import dev.meshcheck.topology.faults.LinkKind;
import io.nats.client.Connection;
import io.nats.client.Subscription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.awaitility.Awaitility;

/**
 * How closely link faults do what they are asked, on one backend, in rounds: added latency (route
 * and client links) measured side by side against an unfaulted path of the same mesh, a bandwidth
 * cap against its limit, and how long a partition and a heal take to show (the route gone from and
 * back in /routez, with servers pinging every second). Prints every round. A measurement, not a
 * test.
 *
 * <pre>{@code
 * java -cp harness/target/test-classes:harness/target/classes:<deps> \
 *     dev.meshcheck.topology.LinkFaultMeasurement processes|containers [rounds]
 * }</pre>
 */
final class LinkFaultMeasurement {
  private static final int SAMPLES = 21;

  private LinkFaultMeasurement() {}

  public static void main(String[] args) throws Exception {
    Backend backend = Backend.parse(args.length > 0 ? args[0] : "processes");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    MeshLauncher launcher = MeshLaunchers.forBackend(backend, LauncherSettings.fromEnvironment());
    Path dir = Files.createTempDirectory("meshcheck-measure");
    try (RunningMesh mesh =
            launcher.launch(
                TestMeshes.withFastPings("cluster-3", dir),
                EnumSet.of(LinkKind.CLIENT, LinkKind.ROUTE));
        Probes probes = new Probes(mesh)) {
      System.out.printf("backend %s, cluster-3, %d rounds%n", backend.cliName(), rounds);
      if (supports(mesh, LinkKind.ROUTE, LinkFaultKind.LATENCY)) {
        latency(mesh, probes, Link.route("1", "2"), rounds);
      }
      latency(mesh, probes, Link.clientsOf("2"), rounds);
      if (supports(mesh, LinkKind.ROUTE, LinkFaultKind.BANDWIDTH)) {
        bandwidth(mesh, probes, Link.route("1", "2"), rounds);
      }
      bandwidth(mesh, probes, Link.clientsOf("2"), rounds);
      partitionAndHeal(mesh, probes, rounds);
    } finally {
      Files.deleteIfExists(dir.resolve("fast-pings.conf"));
      Files.deleteIfExists(dir);
    }
  }

  /** Requests from node 1 to node 2 against node 1 to node 3; or clients of node 2 against 3. */
  private static void latency(RunningMesh mesh, Probes probes, Link link, int rounds)
      throws Exception {
    boolean route = link instanceof Link.Route;
    String faulted = (route ? "route" : "client") + ".faulted";
    String clear = (route ? "route" : "client") + ".clear";
    probes.echo(route ? 2 : 1, faulted);
    probes.echo(route ? 3 : 1, clear);
    Connection faultedRequester = probes.client(route ? 1 : 2);
    Connection clearRequester = probes.client(route ? 1 : 3);
    Probes.awaitAnswer(faultedRequester, faulted);
    Probes.awaitAnswer(clearRequester, clear);
    for (Duration asked : new Duration[] {Duration.ofMillis(10), Duration.ofMillis(50)}) {
      mesh.linkFaults().apply(link, LinkFault.latency(asked, Duration.ZERO));
      StringBuilder line = new StringBuilder();
      for (int round = 1; round <= rounds; round++) {
        Probes.Medians m =
            Probes.sideBySide(faultedRequester, faulted, clearRequester, clear, SAMPLES);
        line.append(String.format(" %.2f", m.added().toNanos() / 1e6));
      }
      mesh.linkFaults().clear(link, LinkFaultKind.LATENCY);
      System.out.printf(
          "latency %s, %d ms asked: added ms per round (median of %d):%s%n",
          link.describe(), asked.toMillis(), SAMPLES, line);
    }
  }

  private static void bandwidth(RunningMesh mesh, Probes probes, Link link, int rounds)
      throws Exception {
    Connection publisher = probes.client(1);
    Connection subscriber = probes.client(2);
    for (long limit : new long[] {256 * 1024, 1024 * 1024}) {
      mesh.linkFaults().apply(link, LinkFault.bandwidth(limit));
      StringBuilder line = new StringBuilder();
      for (int round = 1; round <= rounds; round++) {
        int count = (int) (2 * limit / 4096); // about two seconds' worth
        double rate = Probes.throughput(publisher, subscriber, "m.bulk." + round, count, 4096);
        line.append(String.format(" %.3f", rate / limit));
      }
      mesh.linkFaults().clear(link, LinkFaultKind.BANDWIDTH);
      System.out.printf(
          "bandwidth %s, %d KiB/s asked: payload rate / limit per round:%s%n",
          link.describe(), limit / 1024, line);
    }
  }

  /** Seconds from partition() until node 1 has no route to node 2, and from heal() until it has. */
  private static void partitionAndHeal(RunningMesh mesh, Probes probes, int rounds)
      throws Exception {
    Connection publisher = probes.client(1);
    Connection subscriber = probes.client(2);
    Link link = Link.route("1", "2");
    StringBuilder drops = new StringBuilder();
    StringBuilder heals = new StringBuilder();
    StringBuilder delivers = new StringBuilder();
    for (int round = 1; round <= rounds; round++) {
      Delivery.assertMessagesFlow(publisher, subscriber, 5);
      long start = System.nanoTime();
      mesh.linkFaults().partition(link);
      awaitRoute(mesh, false);
      drops.append(String.format(" %.2f", (System.nanoTime() - start) / 1e9));
      start = System.nanoTime();
      mesh.linkFaults().heal(link);
      awaitRoute(mesh, true);
      heals.append(String.format(" %.2f", (System.nanoTime() - start) / 1e9));
      delivers.append(String.format(" %.2f", secondsUntilDelivered(publisher, subscriber, start)));
    }
    System.out.printf("partition route 1-2: s until /routez drops it:%s%n", drops);
    System.out.printf("heal route 1-2: s until /routez has it again:%s%n", heals);
    System.out.printf("heal route 1-2: s until a message crosses it:%s%n", delivers);
  }

  private static double secondsUntilDelivered(Connection from, Connection to, long sinceNanos)
      throws Exception {
    String subject = "m.healed." + System.nanoTime();
    Subscription sub = to.subscribe(subject);
    to.flush(Duration.ofSeconds(2));
    while (true) {
      from.publish(subject, new byte[8]);
      from.flush(Duration.ofSeconds(2));
      if (sub.nextMessage(Duration.ofMillis(20)) != null) {
        sub.unsubscribe();
        return (System.nanoTime() - sinceNanos) / 1e9;
      }
    }
  }

  private static void awaitRoute(RunningMesh mesh, boolean present) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> (LinkCounts.routeId(mesh.node(1), mesh.node(2)) != -1) == present);
  }

  private static boolean supports(RunningMesh mesh, LinkKind kind, LinkFaultKind fault) {
    return mesh.linkFaults().support().supports(kind, fault);
  }
}
