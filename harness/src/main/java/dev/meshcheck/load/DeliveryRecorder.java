package dev.meshcheck.load;

import dev.meshcheck.load.transport.DeliveryHandler;
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
 * the stamp in place, feeds the {@link DeliveryTracker} (loss, duplicates), checks order and
 * records latency and service time. {@link #onPayload} must be called from one thread only (it
 * records into single-writer recorders); the counters may be read from any thread.
 */
final class DeliveryRecorder implements DeliveryHandler {
  private static final Set<Metric> COMPLETIONS = EnumSet.of(Metric.LATENCY, Metric.SERVICE_TIME);

  private final String name;
  // Indexed by phase (Stamp.WARMUP, Stamp.MEASURED), so that the warm-up runs, and the JIT
  // compiles, exactly the code the measured phase runs (see SendLoop). The warm-up's tracker is
  // this receiver's own and never reported.
  private final DeliveryTracker[] trackers;
  private final TimingRecorder[] recorders;
  // Written only by the receiving thread: release stores, no read-modify-write per message.
  private final AtomicLong[] received = {new AtomicLong(), new AtomicLong()};
  private final SenderCounts byPublisher;
  // Order is judged here, per receiver and publisher, not in the tracker: members of a queue group
  // share one tracker, and the mesh promises each member its share in publisher order, nothing
  // about the order across members. Receiving thread only, like the recorders.
  private final long[][] highestByPublisher;
  private final AtomicLong[] outOfOrder = {new AtomicLong(), new AtomicLong()};
  private final AtomicLong probes = new AtomicLong();
  private final AtomicLong activity = new AtomicLong();
  private final long delayNanos;

  DeliveryRecorder(
      String name,
      DeliveryTracker tracker,
      PhaseRecorders warmup,
      PhaseRecorders measured,
      Duration delayPerMessage) {
    this.name = name;
    this.trackers = new DeliveryTracker[] {new DeliveryTracker(tracker.publisherCount()), tracker};
    this.recorders =
        new TimingRecorder[] {
          warmup.recorderForOneThread(COMPLETIONS), measured.recorderForOneThread(COMPLETIONS)
        };
    this.delayNanos = delayPerMessage.toNanos();
    this.byPublisher = new SenderCounts(tracker.publisherCount());
    this.highestByPublisher = new long[2][tracker.publisherCount()];
    for (long[] highest : highestByPublisher) {
      java.util.Arrays.fill(highest, -1);
    }
  }

  @Override
  public void onPayload(byte[] buffer, int offset, int length, long receivedNanos) {
    activity.lazySet(activity.get() + 1);
    if (!Stamp.isStamped(buffer, offset, length)) {
      return;
    }
    byte phase = Stamp.phase(buffer, offset);
    if (phase == Stamp.PROBE) {
      probes.lazySet(probes.get() + 1);
      return;
    }
    int publisherId = Stamp.senderId(buffer, offset);
    long sequence = Stamp.sequence(buffer, offset);
    SequenceWindow.Arrival arrival = trackers[phase].record(publisherId, sequence);
    if (arrival != SequenceWindow.Arrival.DUPLICATE) {
      long[] highest = highestByPublisher[phase];
      if (sequence < highest[publisherId]) {
        outOfOrder[phase].lazySet(outOfOrder[phase].get() + 1);
      } else {
        highest[publisherId] = sequence;
      }
      received[phase].lazySet(received[phase].get() + 1);
      byPublisher.count(phase, publisherId);
      recorders[phase].recordCompletion(
          Stamp.intendedNanos(buffer, offset),
          Stamp.sentNanos(buffer, offset),
          receivedNanos,
          length);
    }
    if (delayNanos > 0) {
      LockSupport.parkNanos(delayNanos);
    }
  }

  String name() {
    return name;
  }

  long measuredReceived() {
    return received[Stamp.MEASURED].get();
  }

  /**
   * Measured deliveries that came after a later one of the same publisher to this receiver: the
   * order the mesh promises each subscriber, and each member of a queue group for its share.
   */
  long measuredOutOfOrder() {
    return outOfOrder[Stamp.MEASURED].get();
  }

  /** Measured deliveries (duplicates left out) by publisher id. */
  long[] measuredByPublisher() {
    return byPublisher.measured();
  }

  long probes() {
    return probes.get();
  }

  /** Grows with every message; unchanged between two reads means nothing arrived in between. */
  long activity() {
    return activity.get();
  }

  DeliveryTracker tracker() {
    return trackers[Stamp.MEASURED];
  }
}
