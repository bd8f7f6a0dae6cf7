package dev.meshcheck.load;

import dev.meshcheck.measure.Metric;
import dev.meshcheck.measure.PhaseRecorders;
import dev.meshcheck.measure.TimingRecorder;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What one fan-out receiver does with each delivered payload, whatever client delivered it: decodes
 * the stamp in place, feeds the {@link DeliveryTracker} (loss, duplicates, order) and records
 * latency and service time. {@link #onPayload} must be called from one thread only (it records into
 * single-writer recorders); the counters may be read from any thread.
 */
final class DeliveryRecorder {
  private static final Set<Metric> COMPLETIONS = EnumSet.of(Metric.LATENCY, Metric.SERVICE_TIME);

  private final String name;
  private final DeliveryTracker tracker;
  private final TimingRecorder warmup;
  private final TimingRecorder measured;
  private final long delayNanos;
  // Written only by the receiving thread: release stores, no read-modify-write per message.
  private final AtomicLong measuredReceived = new AtomicLong();
  private final AtomicLong probes = new AtomicLong();
  private final AtomicLong activity = new AtomicLong();

  DeliveryRecorder(
      String name,
      DeliveryTracker tracker,
      PhaseRecorders warmup,
      PhaseRecorders measured,
      Duration delayPerMessage) {
    this.name = name;
    this.tracker = tracker;
    this.warmup = warmup.recorderForOneThread(COMPLETIONS);
    this.measured = measured.recorderForOneThread(COMPLETIONS);
    this.delayNanos = delayPerMessage.toNanos();
  }

  /** One delivered payload: {@code length} bytes of {@code buffer} from {@code offset}. */
  void onPayload(byte[] buffer, int offset, int length, long receivedNanos) {
    activity.lazySet(activity.get() + 1);
    if (!Stamp.isStamped(buffer, offset, length)) {
      return;
    }
    byte phase = Stamp.phase(buffer, offset);
    if (phase == Stamp.MEASURED) {
      SequenceWindow.Arrival arrival =
          tracker.record(Stamp.senderId(buffer, offset), Stamp.sequence(buffer, offset));
      if (arrival != SequenceWindow.Arrival.DUPLICATE) {
        measuredReceived.lazySet(measuredReceived.get() + 1);
        measured.recordCompletion(
            Stamp.intendedNanos(buffer, offset),
            Stamp.sentNanos(buffer, offset),
            receivedNanos,
            length);
      }
    } else if (phase == Stamp.WARMUP) {
      warmup.recordCompletion(
          Stamp.intendedNanos(buffer, offset),
          Stamp.sentNanos(buffer, offset),
          receivedNanos,
          length);
    } else {
      probes.lazySet(probes.get() + 1);
    }
    if (delayNanos > 0) {
      LockSupport.parkNanos(delayNanos);
    }
  }

  String name() {
    return name;
  }

  long measuredReceived() {
    return measuredReceived.get();
  }

  long probes() {
    return probes.get();
  }

  /** Grows with every message; unchanged between two reads means nothing arrived in between. */
  long activity() {
    return activity.get();
  }

  DeliveryTracker tracker() {
    return tracker;
  }
}
