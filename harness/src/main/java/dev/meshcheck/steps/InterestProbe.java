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
   * @param denied true once the server has refused the probe (permissions): stop waiting
   * @return the nodes the interest did not reach within the timeout (empty: reached all)
   */
  List<String> await(
      TrackedClient subscriber,
      List<String> nodeNames,
      Function<String, TrackedClient> probeClientOn,
      java.util.function.BooleanSupplier denied) {
    String subject = "_MESHCHECK.PROBE." + NUID.nextGlobal();
    Set<String> heardFrom = ConcurrentHashMap.newKeySet();
    Dispatcher dispatcher =
        subscriber
            .connection()
            .createDispatcher(m -> heardFrom.add(new String(m.getData(), StandardCharsets.UTF_8)));
    try {
      dispatcher.subscribe(subject);
      Flushing.flush(subscriber, "subscribing the interest probe");
      Waits.within(
          timeout,
          PROBE_INTERVAL,
          () -> {
            if (heardFrom.size() == nodeNames.size() || denied.getAsBoolean()) {
              return true;
            }
            nodeNames.stream()
                .filter(node -> !heardFrom.contains(node))
                .forEach(
                    node ->
                        probeClientOn
                            .apply(node)
                            .connection()
                            .publish(subject, node.getBytes(StandardCharsets.UTF_8)));
            return false;
          });
      return nodeNames.stream().filter(n -> !heardFrom.contains(n)).toList();
    } finally {
      subscriber.connection().closeDispatcher(dispatcher);
    }
  }

  /**
   * Waits until every node in {@code nodeNames} has processed what {@code sender}'s node sent
   * before this call (such as the removal of interest after an unsubscribe): a message from the
   * sender's node to a client on each node travels the same links after it.
   *
   * @return the nodes not reached within the timeout
   */
  List<String> awaitProcessed(
      TrackedClient sender, List<String> nodeNames, Function<String, TrackedClient> clientOn) {
    String subject = "_MESHCHECK.FLUSH." + NUID.nextGlobal();
    Set<String> reached = ConcurrentHashMap.newKeySet();
    List<Dispatcher> dispatchers = new java.util.ArrayList<>();
    for (String node : nodeNames) {
      TrackedClient receiver = clientOn.apply(node);
      Dispatcher d = receiver.connection().createDispatcher(m -> reached.add(node));
      d.subscribe(subject);
      Flushing.flush(receiver, "subscribing the flush probe");
      dispatchers.add(d);
    }
    try {
      Waits.within(
          timeout,
          PROBE_INTERVAL,
          () -> {
            if (reached.size() == nodeNames.size()) {
              return true;
            }
            sender.connection().publish(subject, new byte[0]);
            return false;
          });
      return nodeNames.stream().filter(n -> !reached.contains(n)).toList();
    } finally {
      for (int i = 0; i < dispatchers.size(); i++) {
        clientOn.apply(nodeNames.get(i)).connection().closeDispatcher(dispatchers.get(i));
      }
    }
  }
}
