package dev.meshcheck.load;

import dev.meshcheck.measure.Metric;
import dev.meshcheck.measure.PhaseRecorders;
import dev.meshcheck.measure.TimingRecorder;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One receiving connection of a fan-out: a plain subscriber (its own {@link DeliveryTracker}) or a
 * queue group member (sharing the group's tracker). Each has its own dispatcher thread, so
 * receivers never wait for each other. Closing it closes its connection.
 */
final class Subscriber implements AutoCloseable {
  private static final Set<Metric> COMPLETIONS = EnumSet.of(Metric.LATENCY, Metric.SERVICE_TIME);

  private final String name;
  private final Connection connection;
  private final DeliveryTracker tracker;
  private final Clock clock;
  private final TimingRecorder warmup;
  private final TimingRecorder measured;
  private final long delayNanos;
  // Written only by the dispatcher thread: release stores, no read-modify-write per message.
  private final AtomicLong measuredReceived = new AtomicLong();
  private final AtomicLong probes = new AtomicLong();
  private final AtomicLong activity = new AtomicLong();

  /** Where and how a subscriber listens. */
  record Spec(
      String name, String subject, String queueGroup, Duration delayPerMessage, int pendingLimit) {}

  Subscriber(
      Spec spec,
      Connection connection,
      DeliveryTracker tracker,
      Clock clock,
      PhaseRecorders warmup,
      PhaseRecorders measured)
      throws InterruptedException {
    this.name = spec.name();
    this.connection = connection;
    this.tracker = tracker;
    this.clock = clock;
    // One dispatcher per subscriber, so one thread records into these.
    this.warmup = warmup.recorderForOneThread(COMPLETIONS);
    this.measured = measured.recorderForOneThread(COMPLETIONS);
    this.delayNanos = spec.delayPerMessage().toNanos();
    Dispatcher dispatcher = connection.createDispatcher(this::onMessage);
    if (spec.pendingLimit() > 0) {
      dispatcher.setPendingLimits(spec.pendingLimit(), -1);
    }
    if (spec.queueGroup() == null) {
      dispatcher.subscribe(spec.subject());
    } else {
      dispatcher.subscribe(spec.subject(), spec.queueGroup());
    }
    try {
      connection.flush(Duration.ofSeconds(5));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(name + " could not subscribe within 5 s", e);
    }
  }

  private void onMessage(Message message) {
    long received = clock.nanoTime();
    byte[] data = message.getData();
    activity.lazySet(activity.get() + 1);
    if (!Stamp.isStamped(data)) {
      return;
    }
    byte phase = Stamp.phase(data);
    if (phase == Stamp.MEASURED) {
      SequenceWindow.Arrival arrival = tracker.record(Stamp.senderId(data), Stamp.sequence(data));
      if (arrival != SequenceWindow.Arrival.DUPLICATE) {
        measuredReceived.lazySet(measuredReceived.get() + 1);
        measured.recordCompletion(
            Stamp.intendedNanos(data), Stamp.sentNanos(data), received, data.length);
      }
    } else if (phase == Stamp.WARMUP) {
      warmup.recordCompletion(
          Stamp.intendedNanos(data), Stamp.sentNanos(data), received, data.length);
    } else {
      probes.lazySet(probes.get() + 1);
    }
    if (delayNanos > 0) {
      java.util.concurrent.locks.LockSupport.parkNanos(delayNanos);
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

  @Override
  public void close() {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
