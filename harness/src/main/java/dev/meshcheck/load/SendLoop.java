package dev.meshcheck.load;

import dev.meshcheck.load.transport.MessageSender;
import dev.meshcheck.measure.ErrorKind;
import dev.meshcheck.measure.Metric;
import dev.meshcheck.measure.PhaseRecorders;
import dev.meshcheck.measure.TimingRecorder;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * One sender's loop: builds stamped payloads and hands them to a {@link MessageSender} at the
 * intended times of its {@link SendSchedule} (open loop), as fast as it can (max rate), or each
 * after the previous one completed (closed loop). Records every send's delay in the recorders of
 * the phase its intended time falls in. Runs on one thread; {@link #run()} returns when the phases
 * end, the message count is reached or {@code stopRequested} turns true.
 */
public final class SendLoop implements Runnable {
  private final int senderId;
  private final Clock clock;
  private final RunPhases phases;
  private final Optional<SendSchedule> schedule;
  private final Optional<Semaphore> completions;
  private final Duration completionTimeout;
  private final OptionalLong measuredLimit;
  private final int payloadBytes;
  // Indexed by phase (Stamp.WARMUP, Stamp.MEASURED): the warm-up runs exactly the code the
  // measured phase runs. With a branch per phase instead, the JIT compiles the measured branch out
  // during a warm-up that never takes it, then throws the compiled loop away and compiles it again
  // in the first moments of the measured phase, on the cores the run needs.
  private final PhaseRecorders[] recorders;
  private final TimingRecorder[] sends;
  private final long[] sequences = new long[2];
  // Written only by the loop's thread, read by others: release stores instead of volatile
  // increments, which would cost a full fence per message at max rate.
  private final AtomicLong[] sent = {new AtomicLong(), new AtomicLong()};
  private final AtomicLong[] refused = {new AtomicLong(), new AtomicLong()};
  private final AtomicLong lastSendNanos = new AtomicLong();
  private final MessageSender sender;
  private final BooleanSupplier stopRequested;
  // Non-null when the sender copies payloads: no allocation per message at max rate.
  private final byte[] reusedPayload;

  private SendLoop(Builder b) {
    this.senderId = b.senderId;
    this.clock = b.clock;
    this.phases = b.phases;
    this.schedule = b.schedule;
    this.completions = b.completions;
    this.completionTimeout = b.completionTimeout;
    this.measuredLimit = b.measuredLimit;
    this.payloadBytes = b.payloadBytes;
    this.recorders = new PhaseRecorders[] {b.warmup, b.measured};
    this.sends =
        new TimingRecorder[] {
          b.warmup.recorderForOneThread(EnumSet.of(Metric.SEND_DELAY)),
          b.measured.recorderForOneThread(EnumSet.of(Metric.SEND_DELAY))
        };
    this.sender = b.sender;
    this.stopRequested = b.stopRequested;
    this.reusedPayload = sender.copiesPayload() ? new byte[payloadBytes] : null;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void run() {
    try {
      sendAll();
    } finally {
      sender.pushBuffered();
    }
  }

  private void sendAll() {
    for (long index = 0; !stopRequested.getAsBoolean() && !limitReached(); index++) {
      long intended = nextIntendedNanos(index);
      if (intended >= phases.endNanos()) {
        return;
      }
      byte phase = phases.phaseOf(intended);
      sendOne(intended, sequences[phase]++, phase);
    }
  }

  private long nextIntendedNanos(long index) {
    if (schedule.isEmpty()) {
      // Max rate and closed loop have no schedule: the intended time is now, so send delay is 0.
      long now = clock.nanoTime();
      return now < phases.startNanos() ? phases.startNanos() : now;
    }
    long intended = schedule.get().intendedNanos(index);
    if (intended < phases.endNanos()) {
      if (intended > clock.nanoTime()) {
        sender.pushBuffered();
      }
      clock.waitUntil(intended);
    }
    return intended;
  }

  private void sendOne(long intended, long sequence, byte phase) {
    byte[] payload = reusedPayload != null ? reusedPayload : new byte[payloadBytes];
    if (completions.isPresent()) {
      completions.get().drainPermits();
    }
    // Without a schedule the intended time was read from the clock just now; a second read would
    // add 20-40 ns per message (measured on the 2-core test machine), a large share of a max-rate
    // send.
    long sentNanos = schedule.isEmpty() ? intended : clock.nanoTime();
    Stamp.write(payload, senderId, sequence, intended, sentNanos, phase);
    if (!sender.send(payload)) {
      recorders[phase].recordError(ErrorKind.OTHER);
      refused[phase].lazySet(refused[phase].get() + 1);
      return;
    }
    sends[phase].recordSend(intended, sentNanos);
    lastSendNanos.lazySet(sentNanos);
    sent[phase].lazySet(sent[phase].get() + 1);
    if (completions.isPresent()) {
      sender.pushBuffered();
      awaitCompletion(completions.get());
    }
  }

  private void awaitCompletion(Semaphore done) {
    try {
      // A timed-out request is counted by the receiver's bookkeeping; the loop just moves on.
      done.tryAcquire(completionTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean limitReached() {
    return measuredLimit.isPresent() && sequences[Stamp.MEASURED] >= measuredLimit.getAsLong();
  }

  /** Measured messages the client accepted so far. */
  public long measuredSent() {
    return sent[Stamp.MEASURED].get();
  }

  /** Measured messages the client refused (disconnected, queue full). */
  public long refused() {
    return refused[Stamp.MEASURED].get();
  }

  /** Clock time of the last accepted send, or 0 before the first. */
  public long lastSendNanos() {
    return lastSendNanos.get();
  }

  public int senderId() {
    return senderId;
  }

  /** Collects a loop's settings; {@link #build()} checks that the required ones are set. */
  public static final class Builder {
    private int senderId;
    private Clock clock = Clock.system();
    private RunPhases phases;
    private Optional<SendSchedule> schedule = Optional.empty();
    private Optional<Semaphore> completions = Optional.empty();
    private Duration completionTimeout = Duration.ofSeconds(2);
    private OptionalLong measuredLimit = OptionalLong.empty();
    private int payloadBytes = 128;
    private PhaseRecorders warmup;
    private PhaseRecorders measured;
    private MessageSender sender;
    private BooleanSupplier stopRequested = () -> false;

    public Builder senderId(int id) {
      this.senderId = id;
      return this;
    }

    public Builder clock(Clock c) {
      this.clock = c;
      return this;
    }

    public Builder phases(RunPhases p) {
      this.phases = p;
      return this;
    }

    /** Open loop at this schedule; without one the loop sends at max rate. */
    public Builder schedule(SendSchedule s) {
      this.schedule = Optional.of(s);
      return this;
    }

    /** Closed loop: after each send, wait for a permit (released on completion) or the timeout. */
    public Builder closedLoop(Semaphore completed, Duration timeout) {
      this.completions = Optional.of(completed);
      this.completionTimeout = timeout;
      return this;
    }

    public Builder measuredLimit(OptionalLong limit) {
      this.measuredLimit = limit;
      return this;
    }

    public Builder payloadBytes(int bytes) {
      if (bytes < Stamp.BYTES) {
        throw new IllegalArgumentException(
            "payloadBytes must be at least " + Stamp.BYTES + ", was " + bytes);
      }
      this.payloadBytes = bytes;
      return this;
    }

    public Builder recorders(PhaseRecorders warmupPhase, PhaseRecorders measuredPhase) {
      this.warmup = warmupPhase;
      this.measured = measuredPhase;
      return this;
    }

    public Builder sender(MessageSender s) {
      this.sender = s;
      return this;
    }

    public Builder stopRequested(BooleanSupplier stop) {
      this.stopRequested = stop;
      return this;
    }

    public SendLoop build() {
      if (phases == null || warmup == null || measured == null || sender == null) {
        throw new IllegalStateException("phases, recorders and sender must be set");
      }
      return new SendLoop(this);
    }
  }
}
