package dev.meshcheck.bench;

import io.nats.client.Connection;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * Fan-out throughput: a publisher on node 1 sends each message once, and {@code subscriberCount}
 * subscribers spread round robin over the cluster members each receive a copy.
 *
 * <p>Two figures come out, both per second: the primary score counts published messages, and the
 * secondary {@code delivered} counts copies that actually reached a subscriber during the
 * measurement; {@code delivered} is the fan-out throughput. The publisher keeps at most {@value
 * #WINDOW_MESSAGES} messages in flight (see {@link FanOutSubscribers}), so it cannot run ahead of
 * delivery, and every iteration starts only after the previous one's messages have all arrived, so
 * no copy is counted in an iteration it was not delivered in. A lost copy fails the benchmark
 * instead of lowering the score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class FanOutBenchmark {
  static final int WINDOW_MESSAGES = 256;

  @Param({"single", "cluster-3", "supercluster-2x3"})
  public String topology;

  @Param({"128", "4096"})
  public int payloadBytes;

  @Param({"1", "4", "16"})
  public int subscriberCount;

  private BenchMesh bench;
  private FanOutSubscribers subscribers;
  private Connection publisher;
  private byte[] payload;

  /**
   * The copies delivered during one iteration's measured time; JMH divides by that time and reports
   * {@code delivered} in copies per second.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Deliveries {
    public long delivered;
    private boolean measuring;
    private long deliveredAtMeasurementStart;

    /** Starts each iteration with nothing in flight, so its count holds only its own copies. */
    @Setup(Level.Iteration)
    public void startIteration(FanOutBenchmark fanOut) throws InterruptedException {
      fanOut.subscribers.awaitAllDelivered();
      measuring = false;
      delivered = 0;
    }

    /**
     * Counts from the first to the last measured invocation only: JMH also calls the benchmark just
     * before and after the timed loop, and copies arriving then must not join a rate over the timed
     * loop.
     */
    void observe(long deliveredNow, Control control) {
      if (!control.startMeasurement || control.stopMeasurement) {
        return;
      }
      if (!measuring) {
        measuring = true;
        deliveredAtMeasurementStart = deliveredNow;
      }
      delivered = deliveredNow - deliveredAtMeasurementStart;
    }
  }

  @Setup
  public void launchMeshAndSubscribers() throws Exception {
    payload = new byte[payloadBytes];
    Arrays.fill(payload, (byte) 'x');
    bench = BenchMesh.launch(topology);
    try {
      subscribers =
          FanOutSubscribers.subscribe(bench, "bench.fanout", subscriberCount, WINDOW_MESSAGES);
      publisher = bench.connect(bench.firstNode());
      subscribers.awaitInterest(publisher);
    } catch (Exception | Error e) {
      bench.close();
      throw e;
    }
  }

  @TearDown
  public void closeMesh() {
    bench.close();
  }

  @Benchmark
  public void publish(Deliveries deliveries, Control control) throws InterruptedException {
    subscribers.takeCredit();
    publisher.publish(subscribers.dataSubject(), payload);
    // Read on the benchmark thread, so only copies that arrived within the measured time count.
    deliveries.observe(subscribers.deliveredMessages(), control);
  }
}
