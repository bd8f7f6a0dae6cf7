package dev.meshcheck.bench;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * {@code subscriberCount} subscribers, each on its own connection spread round robin over the
 * cluster members, all listening to {@code <prefix>.*}. They count data messages and hand back one
 * delivery credit each, so a publisher that takes {@code subscriberCount} credits per message never
 * has more than {@code windowMessages} messages in flight: the publish rate follows the delivery
 * rate instead of filling buffers until the server drops slow consumers. Thread-safe; the
 * connections belong to the {@link BenchMesh} and close with it.
 */
final class FanOutSubscribers {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

  private final String dataSubject;
  private final String probeSubject;
  private final int subscriberCount;
  private final int windowMessages;
  private final Semaphore credits;
  private final AtomicLong deliveredMessages = new AtomicLong();
  private final Set<Integer> probedSubscribers = ConcurrentHashMap.newKeySet();

  private FanOutSubscribers(String prefix, int subscriberCount, int windowMessages) {
    if (subscriberCount < 1) {
      throw new IllegalArgumentException(
          "subscriberCount must be 1 or more, was " + subscriberCount);
    }
    if (windowMessages < 1) {
      throw new IllegalArgumentException("windowMessages must be 1 or more, was " + windowMessages);
    }
    this.dataSubject = prefix + ".data";
    this.probeSubject = prefix + ".probe";
    this.subscriberCount = subscriberCount;
    this.windowMessages = windowMessages;
    this.credits = new Semaphore(windowMessages * subscriberCount);
  }

  /** Connects and subscribes every subscriber; call {@link #awaitInterest} before publishing. */
  static FanOutSubscribers subscribe(
      BenchMesh bench, String prefix, int subscriberCount, int windowMessages)
      throws IOException, InterruptedException, TimeoutException {
    FanOutSubscribers subscribers = new FanOutSubscribers(prefix, subscriberCount, windowMessages);
    for (int i = 0; i < subscriberCount; i++) {
      Connection connection = bench.connect(bench.spreadNode(i));
      int subscriberIndex = i;
      Dispatcher dispatcher =
          connection.createDispatcher(message -> subscribers.onMessage(subscriberIndex, message));
      dispatcher.subscribe(prefix + ".*");
      connection.flush(DELIVERY_TIMEOUT);
    }
    return subscribers;
  }

  String dataSubject() {
    return dataSubject;
  }

  /**
   * Publishes probes from {@code publisher} until every subscriber got one: their interest has then
   * crossed every route and gateway between them and the publisher.
   */
  void awaitInterest(Connection publisher) {
    try {
      Awaitility.await("every subscriber receiving a probe on " + probeSubject)
          .atMost(READY_TIMEOUT)
          .pollInterval(Duration.ofMillis(50))
          .until(
              () -> {
                publisher.publish(probeSubject, new byte[0]);
                return probedSubscribers.size() == subscriberCount;
              });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          probedSubscribers.size()
              + " of "
              + subscriberCount
              + " subscribers saw a probe within "
              + READY_TIMEOUT,
          e);
    }
  }

  /** Blocks until one more message may be in flight to every subscriber. */
  void takeCredit() throws InterruptedException {
    if (!credits.tryAcquire(subscriberCount, DELIVERY_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
      throw new IllegalStateException(stalledMessage());
    }
  }

  /** Blocks until every message published so far has reached every subscriber. */
  void awaitAllDelivered() throws InterruptedException {
    int allCredits = windowMessages * subscriberCount;
    if (!credits.tryAcquire(allCredits, DELIVERY_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
      throw new IllegalStateException(stalledMessage());
    }
    credits.release(allCredits);
  }

  /** Data messages delivered so far, summed over subscribers. */
  long deliveredMessages() {
    return deliveredMessages.get();
  }

  private void onMessage(int subscriberIndex, Message message) {
    if (message.getSubject().equals(probeSubject)) {
      probedSubscribers.add(subscriberIndex);
      return;
    }
    deliveredMessages.incrementAndGet();
    credits.release();
  }

  private String stalledMessage() {
    return "deliveries stalled: "
        + (windowMessages * subscriberCount - credits.availablePermits())
        + " copies still in flight after "
        + DELIVERY_TIMEOUT
        + " (lost, or a subscriber was cut off as a slow consumer)";
  }
}
