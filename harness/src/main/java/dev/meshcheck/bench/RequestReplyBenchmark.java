package dev.meshcheck.bench;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Client-side request-reply latency: one requester on node 1 sends a request and waits for the echo
 * from one responder on the farthest cluster member (same node in {@code single}, across a route in
 * {@code cluster-3}, across a gateway in {@code supercluster-2x3}). {@link Mode#SampleTime} samples
 * single calls, so the output has percentiles, in microseconds.
 *
 * <p>This is a closed loop: the next request leaves only when the previous reply is in, so a stall
 * delays the requests that would have been sent during it instead of showing up in their latency
 * (coordinated omission). {@code meshcheck run} is open loop and is the source of truth for the
 * latency users see; this benchmark is for comparing client-side cost across topologies and
 * payloads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class RequestReplyBenchmark {
  private static final String SUBJECT = "bench.request";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  @Param({"single", "cluster-3", "supercluster-2x3"})
  public String topology;

  @Param({"128", "4096"})
  public int payloadBytes;

  private BenchMesh bench;
  private Connection requester;
  private byte[] payload;

  @Setup
  public void launchMeshAndResponder() throws Exception {
    payload = new byte[payloadBytes];
    Arrays.fill(payload, (byte) 'x');
    bench = BenchMesh.launch(topology);
    try {
      Connection responder = bench.connect(bench.farthestNode());
      Dispatcher echo =
          responder.createDispatcher(
              request -> responder.publish(request.getReplyTo(), request.getData()));
      echo.subscribe(SUBJECT);
      responder.flush(REQUEST_TIMEOUT);
      requester = bench.connect(bench.firstNode());
      awaitFirstReply();
    } catch (Exception | Error e) {
      bench.close();
      throw e;
    }
  }

  /**
   * Interest for the service subject and for the requester's reply inbox must have crossed routes
   * and gateways before the first measured request; a reply that comes back proves both.
   */
  private void awaitFirstReply() {
    try {
      Awaitility.await("a reply to " + SUBJECT + " from " + bench.farthestNode().name())
          .atMost(READY_TIMEOUT)
          .pollInterval(Duration.ofMillis(50))
          .ignoreExceptions()
          .until(() -> isEcho(requester.request(SUBJECT, payload, Duration.ofSeconds(1))));
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          "no reply across topology " + topology + " within " + READY_TIMEOUT, e);
    }
  }

  @TearDown
  public void closeMesh() {
    bench.close();
  }

  @Benchmark
  public Message request() throws InterruptedException {
    Message reply = requester.request(SUBJECT, payload, REQUEST_TIMEOUT);
    if (!isEcho(reply)) {
      // A lost request must fail the benchmark, not be averaged in as a 5 s sample.
      throw new IllegalStateException(
          "no reply to " + SUBJECT + " within " + REQUEST_TIMEOUT + ", got " + reply);
    }
    return reply;
  }

  /** A timeout gives null, and "no responders" a status message: neither is the echo. */
  private boolean isEcho(Message reply) {
    return reply != null && !reply.isStatusMessage() && reply.getData().length == payloadBytes;
  }
}
