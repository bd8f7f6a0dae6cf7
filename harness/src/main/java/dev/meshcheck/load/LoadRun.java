package dev.meshcheck.load;

import dev.meshcheck.load.transport.ConnectionEvents;
import dev.meshcheck.load.transport.Reconnect;
import dev.meshcheck.measure.ErrorKind;
import dev.meshcheck.measure.IntervalLog;
import dev.meshcheck.measure.IntervalSampler;
import dev.meshcheck.measure.Metric;
import dev.meshcheck.measure.PhaseRecorders;
import dev.meshcheck.result.Counts;
import dev.meshcheck.result.Errors;
import dev.meshcheck.result.Latencies;
import dev.meshcheck.result.Rates;
import dev.meshcheck.result.Reconnection;
import dev.meshcheck.result.Validity;
import dev.meshcheck.result.WorkloadLedger;
import dev.meshcheck.result.WorkloadResult;
import dev.meshcheck.scenario.Shard;
import dev.meshcheck.scenario.Workload;
import dev.meshcheck.scenario.WorkloadKind;
import dev.meshcheck.topology.RunningMesh;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one workload on a running mesh: connects, probes, warms up, measures, drains, and returns
 * the {@link WorkloadResult}. Interval histograms go to {@code hlogFile} as they are taken.
 *
 * <pre>{@code
 * WorkloadResult result =
 *     new LoadRun("rr", workload, mesh, LoadTuning.defaults(), Clock.system())
 *         .execute(outDir.resolve("rr.hlog"), LoadProgress.silent(), stopFlag);
 * }</pre>
 *
 * Not thread-safe; one {@code execute} per instance. {@code stopFlag} may be set from any thread
 * (Ctrl-C): sending stops, what is in flight drains, and the result says it is incomplete.
 *
 * <p>{@link #inShard} runs one shard's share of the workload and starts its phases at a shared
 * instant, so that shards on several machines measure the same seconds; {@link #ledger()} then says
 * what each of its senders sent and its receivers got, for the merge.
 */
public final class LoadRun {
  private static final long START_DELAY_NANOS = 20_000_000;

  /** How long past the end of its phases a sender may take before its connection is closed. */
  private static final java.time.Duration SENDER_GRACE = java.time.Duration.ofSeconds(10);

  private final String name;
  private final Workload workload;
  private final RunningMesh mesh;
  private final LoadTuning tuning;
  private final Clock clock;
  private final PhaseRecorders warmup = new PhaseRecorders();
  private final PhaseRecorders measured = new PhaseRecorders();
  private PhaseListener listener = PhaseListener.NONE;
  private final Shard shard;
  private final Optional<Instant> startAt;
  private WorkloadLedger ledger = new WorkloadLedger(List.of(), List.of());

  public LoadRun(String name, Workload workload, RunningMesh mesh, LoadTuning tuning, Clock clock) {
    this(name, workload, mesh, tuning, clock, Shard.whole(), Optional.empty());
  }

  private LoadRun(
      String name,
      Workload workload,
      RunningMesh mesh,
      LoadTuning tuning,
      Clock clock,
      Shard shard,
      Optional<Instant> startAt) {
    this.name = name;
    this.workload = workload;
    this.mesh = mesh;
    this.tuning = tuning;
    this.clock = clock;
    this.shard = shard;
    this.startAt = startAt;
  }

  /**
   * The same run limited to {@code shard}'s share of the workload, its warm-up starting at {@code
   * startAt} (wall clock) when given. Shards in other processes must use a clock that reads the
   * same time ({@link Clock#epochAligned()}): receivers subtract other shards' send times.
   */
  public LoadRun inShard(Shard shard, Optional<Instant> startAt) {
    return new LoadRun(name, workload, mesh, tuning, clock, shard, startAt);
  }

  /** Per sender and receiver counts of the measured phase; empty until {@link #execute} ends. */
  public WorkloadLedger ledger() {
    return ledger;
  }

  /** This run, telling {@code phaseListener} when its phases are fixed and its senders done. */
  public LoadRun withPhaseListener(PhaseListener phaseListener) {
    this.listener = phaseListener;
    return this;
  }

  public WorkloadResult execute(Path hlogFile, LoadProgress progress, AtomicBoolean stopFlag)
      throws IOException, InterruptedException {
    // Ctrl-C sets the stop flag in a shutdown hook that starts beside the one stopping the mesh's
    // servers; a client notices its server gone only once its socket reads the close, so what
    // the clients report from then on is the harness stopping, not the mesh misbehaving.
    ConnectionEvents events = new ConnectionEvents(stopFlag::get);
    try (WorkloadDriver driver = driver(events)) {
      driver.awaitReady(tuning.readyTimeout());
      long startMillis =
          startAt
              .map(Instant::toEpochMilli)
              .orElse(System.currentTimeMillis() + START_DELAY_NANOS / 1_000_000);
      long startNanos = clock.nanoTime() + (startMillis - System.currentTimeMillis()) * 1_000_000;
      if (startNanos < clock.nanoTime()) {
        throw new IllegalStateException(
            "shard "
                + shard
                + " was ready at "
                + Instant.now()
                + ", after the shared start "
                + startAt.orElseThrow()
                + "; choose a later --start-at");
      }
      RunPhases phases =
          RunPhases.startingAt(startNanos, workload.timing().warmup(), workload.timing().measure());
      driver.begin(phases);
      List<SendLoop> loops = sendLoops(driver, phases, stopFlag);
      try (IntervalLog log = new IntervalLog(hlogFile, startMillis, "meshcheck workload " + name)) {
        long measureStartMillis = startMillis + workload.timing().warmup().toMillis();
        IntervalSampler warmupSampler = new IntervalSampler(warmup, Optional.empty(), startMillis);
        IntervalSampler measureSampler =
            new IntervalSampler(measured, Optional.of(log), measureStartMillis);
        PhaseTicker ticker =
            new PhaseTicker(clock, phases, startMillis, warmupSampler, measureSampler, progress);
        long endNanos;
        try (ticker) {
          ticker.start();
          listener.phasesFixed(phases);
          try {
            endNanos = runSenders(driver, loops, phases);
          } finally {
            listener.sendersDone();
          }
          long[] sentBySender = loops.stream().mapToLong(SendLoop::measuredSent).toArray();
          driver.drain(sentBySender, tuning.drainTimeout());
        }
        boolean complete = !stopFlag.get() && clock.nanoTime() >= phases.measureStartNanos();
        WorkloadResult result = result(driver, loops, phases, endNanos, measureSampler, complete);
        ledger = new WorkloadLedger(senderTallies(loops), driver.report(sentBy(loops)).receivers());
        return result;
      }
    }
  }

  private WorkloadDriver driver(ConnectionEvents events) throws IOException, InterruptedException {
    NodeAssignment nodes = NodeAssignment.of(mesh.topology(), workload.placement(), mesh.nodes());
    if (workload.kind() == WorkloadKind.REQUEST_REPLY) {
      return new RequestReplyDriver(workload, nodes, clock, warmup, measured, events, shard);
    }
    return new FanOutDriver(workload, nodes, clock, warmup, measured, events, tuning, shard);
  }

  private List<SendLoop> sendLoops(WorkloadDriver driver, RunPhases phases, AtomicBoolean stop) {
    List<SendLoop> loops = new ArrayList<>();
    int senders = workload.senders().count();
    for (int i = 0; i < shard.share(senders); i++) {
      int number = shard.offset(senders) + i;
      SendLoop.Builder builder =
          SendLoop.builder()
              .senderId(number)
              .clock(clock)
              .phases(phases)
              .measuredLimit(workload.senders().messagesEach())
              .payloadBytes(workload.senders().payloadBytes())
              .recorders(warmup, measured)
              .sender(driver.senderFor(i))
              .stopRequested(stop::get);
      if (!workload.senders().rate().isMax()) {
        builder.schedule(
            SendSchedule.atRate(
                phases.startNanos(), workload.senders().ratePerSender(), number, senders));
      }
      driver
          .completionsFor(i)
          .ifPresent(permits -> builder.closedLoop(permits, workload.timing().requestTimeout()));
      loops.add(builder.build());
    }
    return loops;
  }

  private static long[] sentBy(List<SendLoop> loops) {
    return loops.stream().mapToLong(SendLoop::measuredSent).toArray();
  }

  private List<WorkloadLedger.SenderTally> senderTallies(List<SendLoop> loops) {
    String role = workload.kind() == WorkloadKind.REQUEST_REPLY ? "client" : "publisher";
    return loops.stream()
        .map(
            loop ->
                new WorkloadLedger.SenderTally(
                    loop.senderId(),
                    shard.connectionName(role, loop.senderId()),
                    loop.measuredSent()))
        .toList();
  }

  /** Runs every loop on its own thread; returns the clock time the last one finished. */
  private long runSenders(WorkloadDriver driver, List<SendLoop> loops, RunPhases phases)
      throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (SendLoop loop : loops) {
      Thread thread = new Thread(loop, "meshcheck-sender-" + (loop.senderId() + 1));
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
    long deadlineNanos = phases.endNanos() + SENDER_GRACE.toNanos();
    for (Thread thread : threads) {
      thread.join(Math.max(1, (deadlineNanos - clock.nanoTime()) / 1_000_000));
    }
    if (threads.stream().anyMatch(Thread::isAlive)) {
      // A sender blocked in a write to a frozen server never returns by itself: closing its
      // connection ends the write, so the run still ends on time.
      driver.closeSenders();
      for (Thread thread : threads) {
        thread.join(SENDER_GRACE.toMillis());
      }
    }
    return Math.max(clock.nanoTime(), phases.measureStartNanos() + 1_000_000);
  }

  private WorkloadResult result(
      WorkloadDriver driver,
      List<SendLoop> loops,
      RunPhases phases,
      long endNanos,
      IntervalSampler sampler,
      boolean complete) {
    long[] sentBySender = loops.stream().mapToLong(SendLoop::measuredSent).toArray();
    DriverReport receivers = driver.report(sentBySender);
    double seconds = (Math.min(endNanos, phases.endNanos()) - phases.measureStartNanos()) / 1e9;
    seconds = Math.max(seconds, 0.001);
    long sent = measured.sentCount();
    Map<Metric, org.HdrHistogram.Histogram> histograms = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      histograms.put(metric, sampler.total(metric));
    }
    Map<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
    for (ErrorKind kind : ErrorKind.values()) {
      errors.put(kind, measured.errorCount(kind));
    }
    OptionalDouble target =
        workload.senders().rate().isMax()
            ? OptionalDouble.empty()
            : OptionalDouble.of(workload.senders().ratePerSender() * loops.size());
    double achieved = sent / seconds;
    // Deliveries are rated up to the last one (subscribers may finish after the publishers).
    double deliverySeconds =
        Math.max(seconds, (measured.lastCompletionNanos() - phases.measureStartNanos()) / 1e9);
    List<String> invalid =
        complete
            ? ScheduleCheck.reasons(histograms.get(Metric.SEND_DELAY), target, achieved, tuning)
            : List.of();
    long received = measured.receivedCount();
    return new WorkloadResult(
        name,
        workload,
        new Rates(
            target,
            achieved,
            received / deliverySeconds,
            measured.receivedBytes() / deliverySeconds,
            seconds),
        new Counts(
            sent, received, receivers.lost(), receivers.duplicates(), receivers.outOfOrder()),
        new Errors(
            errors,
            receivers.health().connectionErrors(),
            receivers.health().lastConnectionError(),
            receivers.health().clientSlowConsumerEvents(),
            receivers.health().reconnects().stream()
                .map(r -> reconnection(r, phases.measureStartNanos()))
                .toList()),
        new Latencies(histograms),
        sampler.points(),
        receivers.placement(),
        new Validity(complete, invalid));
  }

  private static Reconnection reconnection(Reconnect r, long measureStartNanos) {
    return new Reconnection(
        r.connectionName(),
        r.fromUrl(),
        r.toUrl(),
        (r.lostAtNanos() - measureStartNanos) / 1e9,
        r.tookNanos() / 1e6);
  }
}
