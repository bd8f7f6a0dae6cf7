package dev.meshcheck.load;

import dev.meshcheck.measure.PhaseRecorders;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * One receiving connection of a fan-out: a plain subscriber (its own {@link DeliveryTracker}) or a
 * queue group member (sharing the group's tracker). Each has its own dispatcher thread, so
 * receivers never wait for each other. Closing it closes its connection.
 */
final class Subscriber implements AutoCloseable {
  private final String name;
  private final Connection connection;
  private final DeliveryTracker tracker;
  private final Clock clock;
  private final PhaseRecorders warmup;
  private final PhaseRecorders measured;
  private final long delayNanos;
  private final LongAdder measuredReceived = new LongAdder();
  private final LongAdder probes = new LongAdder();
  private final LongAdder lastActivity = new LongAdder();

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
    this.warmup = warmup;
    this.measured = measured;
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
    lastActivity.increment();
    if (!Stamp.isStamped(data)) {
      return;
    }
    byte phase = Stamp.phase(data);
    if (phase == Stamp.MEASURED) {
      SequenceWindow.Arrival arrival = tracker.record(Stamp.senderId(data), Stamp.sequence(data));
      if (arrival != SequenceWindow.Arrival.DUPLICATE) {
        measuredReceived.increment();
        measured.recordCompletion(
            Stamp.intendedNanos(data), Stamp.sentNanos(data), received, data.length);
      }
    } else if (phase == Stamp.WARMUP) {
      warmup.recordCompletion(
          Stamp.intendedNanos(data), Stamp.sentNanos(data), received, data.length);
    } else {
      probes.increment();
    }
    if (delayNanos > 0) {
      java.util.concurrent.locks.LockSupport.parkNanos(delayNanos);
    }
  }

  String name() {
    return name;
  }

  long measuredReceived() {
    return measuredReceived.sum();
  }

  long probes() {
    return probes.sum();
  }

  /** Grows with every message; unchanged between two reads means nothing arrived in between. */
  long activity() {
    return lastActivity.sum();
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
