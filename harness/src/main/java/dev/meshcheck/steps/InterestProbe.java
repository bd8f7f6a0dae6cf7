package dev.meshcheck.steps;

import io.nats.client.Dispatcher;
import io.nats.client.NUID;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Waits until a subscriber's interest has reached other nodes, so that a publisher there does not
 * race the subscription (a message published before a node knows of the interest is dropped, which
 * is correct NATS behaviour and not what a scenario tests).
 *
 * <p>How: once the subscriber's real subscriptions are flushed, its connection also subscribes to a
 * unique probe subject; probe clients on the other nodes publish to it until the subscriber has
 * heard from each. Servers forward subscription interest over each route, gateway and leaf link in
 * the order it was made, so a node that routes the probe also knows the earlier subscriptions.
 * ({@code /subsz?subs=1&test=} shows only a node's local clients, so it cannot tell this.)
 */
final class InterestProbe {
  private static final Duration PROBE_INTERVAL = Duration.ofMillis(25);

  private final Duration timeout;

  InterestProbe(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * @param probeClientOn a client on the named node, in the subscriber's account
   * @return the nodes the interest did not reach within the timeout (empty: reached all)
   */
  List<String> await(
      TrackedClient subscriber,
      List<String> nodeNames,
      Function<String, TrackedClient> probeClientOn) {
    String subject = "_MESHCHECK.PROBE." + NUID.nextGlobal();
    Set<String> heardFrom = ConcurrentHashMap.newKeySet();
    Dispatcher dispatcher =
        subscriber
            .connection()
            .createDispatcher(m -> heardFrom.add(new String(m.getData(), StandardCharsets.UTF_8)));
    try {
      dispatcher.subscribe(subject);
      Flushing.flush(subscriber, "subscribing the interest probe");
      long deadlineNanos = System.nanoTime() + timeout.toNanos();
      while (heardFrom.size() < nodeNames.size() && System.nanoTime() < deadlineNanos) {
        for (String node : nodeNames) {
          if (!heardFrom.contains(node)) {
            probeClientOn
                .apply(node)
                .connection()
                .publish(subject, node.getBytes(StandardCharsets.UTF_8));
          }
        }
        pause();
      }
      return nodeNames.stream().filter(n -> !heardFrom.contains(n)).toList();
    } finally {
      subscriber.connection().closeDispatcher(dispatcher);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(PROBE_INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while probing interest", e);
    }
  }
}
