package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.awaitility.Awaitility;

/**
 * Clients of one mesh for checking link faults by their effect: echo responders, requesters, round
 * trips measured side by side. Closes every connection it made.
 */
final class Probes implements AutoCloseable {
  private static final Duration INTEREST_DEADLINE = Duration.ofSeconds(15);

  private final RunningMesh mesh;
  private final List<Connection> connections = new ArrayList<>();

  Probes(RunningMesh mesh) {
    this.mesh = mesh;
  }

  /** A client of node {@code node} that stays on it (no reconnect elsewhere). */
  Connection client(int node) throws Exception {
    Connection connection = TestMeshes.connect(mesh.node(node));
    connections.add(connection);
    return connection;
  }

  /** A client of node {@code node} that reconnects to it after losing its connection. */
  Connection reconnectingClient(int node, Options.Builder options) throws Exception {
    Connection connection =
        Nats.connect(
            options
                .server(mesh.node(node).clientUrl())
                .connectionTimeout(Duration.ofSeconds(3))
                .reconnectWait(Duration.ofMillis(100))
                .maxReconnects(-1)
                .build());
    connections.add(connection);
    return connection;
  }

  /** An echo responder for {@code subject} on node {@code node}. */
  void echo(int node, String subject) throws Exception {
    Connection responder = client(node);
    Dispatcher echo =
        responder.createDispatcher(m -> responder.publish(m.getReplyTo(), m.getData()));
    echo.subscribe(subject);
    responder.flush(Duration.ofSeconds(2));
  }

  /**
   * Two request paths of this mesh, answered by echo responders and ready (interest has spread):
   * one from node {@code faultedFrom} to node {@code faultedTo}, across the link a test faults, and
   * one from {@code clearFrom} to {@code clearTo}, which does not cross it.
   */
  TwoPaths twoPaths(int faultedFrom, int faultedTo, int clearFrom, int clearTo) throws Exception {
    String faulted = "path." + faultedFrom + "." + faultedTo;
    String clear = "path." + clearFrom + "." + clearTo;
    echo(faultedTo, faulted);
    echo(clearTo, clear);
    TwoPaths paths = new TwoPaths(client(faultedFrom), faulted, client(clearFrom), clear);
    awaitAnswer(paths.faultedRequester(), faulted);
    awaitAnswer(paths.clearRequester(), clear);
    return paths;
  }

  /** See {@link #twoPaths}. */
  record TwoPaths(
      Connection faultedRequester,
      String faultedSubject,
      Connection clearRequester,
      String clearSubject) {
    /** {@code samples} round trips on each path, alternating. */
    Medians measure(int samples) throws Exception {
      return sideBySide(faultedRequester, faultedSubject, clearRequester, clearSubject, samples);
    }
  }

  /** Waits until {@code requester} gets an echo on {@code subject} (interest has propagated). */
  static void awaitAnswer(Connection requester, String subject) {
    Awaitility.await()
        .atMost(INTEREST_DEADLINE)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> answers(requester, subject, Duration.ofMillis(500)));
  }

  /** True when a request on {@code subject} is answered within {@code timeout}. */
  static boolean answers(Connection requester, String subject, Duration timeout)
      throws InterruptedException {
    CompletableFuture<Message> reply = requester.requestWithTimeout(subject, new byte[16], timeout);
    try {
      return reply.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS) != null;
    } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
      return false;
    }
  }

  /**
   * Round trips of {@code count} requests on each of two paths, alternating, so that machine noise
   * hits both alike; returns the two medians.
   */
  static Medians sideBySide(
      Connection requesterA, String subjectA, Connection requesterB, String subjectB, int count)
      throws Exception {
    long[] a = new long[count];
    long[] b = new long[count];
    for (int i = 0; i < count; i++) {
      a[i] = roundTripNanos(requesterA, subjectA);
      b[i] = roundTripNanos(requesterB, subjectB);
    }
    return new Medians(median(a), median(b), a);
  }

  /**
   * Publishes {@code count} messages of {@code payloadBytes} from {@code publisher} as fast as it
   * can and returns the payload bytes per second {@code subscriber} received them at, from the
   * first message to the last.
   */
  static double throughput(
      Connection publisher, Connection subscriber, String subject, int count, int payloadBytes)
      throws Exception {
    Subscription data = subscriber.subscribe(subject);
    Subscription probes = subscriber.subscribe(subject + ".probe");
    subscriber.flush(Duration.ofSeconds(2));
    Delivery.awaitInterest(publisher, probes, subject + ".probe", INTEREST_DEADLINE);
    byte[] payload = new byte[payloadBytes];
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      publisher.publish(subject, payload);
    }
    publisher.flush(Duration.ofSeconds(5));
    long last = 0;
    for (int i = 0; i < count; i++) {
      Message message = data.nextMessage(Duration.ofSeconds(10));
      assertThat(message).as("message %d of %d on %s", i + 1, count, subject).isNotNull();
      last = System.nanoTime();
    }
    data.unsubscribe();
    probes.unsubscribe();
    return count * (double) payloadBytes * 1e9 / (last - start);
  }

  /**
   * @param samplesA every round trip of path A, in nanoseconds
   */
  record Medians(Duration a, Duration b, long[] samplesA) {
    Duration added() {
      return a.minus(b);
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (Connection connection : connections) {
      connection.close();
    }
  }

  private static long roundTripNanos(Connection requester, String subject) throws Exception {
    long start = System.nanoTime();
    Message reply = requester.request(subject, new byte[128], Duration.ofSeconds(5));
    assertThat(reply).as("echo on %s", subject).isNotNull();
    return System.nanoTime() - start;
  }

  private static Duration median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return Duration.ofNanos(sorted[sorted.length / 2]);
  }
}
