package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * Proves that messages published on one node reach a subscriber on another. Interest crosses
 * routes, gateways and leaf links asynchronously, so the publisher first sends probes until one
 * arrives (bounded by a deadline, never a fixed sleep); the data subscription was made before the
 * probe subscription on the same connection, and subscriptions propagate in order, so once a probe
 * arrives the data subject has interest too.
 */
final class Delivery {
  private static final Duration PROBE_DEADLINE = Duration.ofSeconds(15);
  private static final Duration PROBE_WAIT = Duration.ofMillis(100);

  private Delivery() {}

  /** Publishes {@code count} numbered messages on {@code from} and asserts all reach {@code to}. */
  static void assertMessagesFlow(Connection from, Connection to, int count) throws Exception {
    assertMessagesFlow(from, to, count, PROBE_DEADLINE);
  }

  /** As above, giving up on interest after {@code probeDeadline}. */
  static void assertMessagesFlow(Connection from, Connection to, int count, Duration probeDeadline)
      throws Exception {
    String base = "it." + UUID.randomUUID().toString().substring(0, 8);
    Subscription data = to.subscribe(base + ".data");
    Subscription probes = to.subscribe(base + ".probe");
    to.flush(Duration.ofSeconds(2));
    awaitInterest(from, probes, base + ".probe", probeDeadline);
    for (int i = 0; i < count; i++) {
      from.publish(base + ".data", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
    }
    from.flush(Duration.ofSeconds(2));
    List<String> received = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Message message = data.nextMessage(Duration.ofSeconds(5));
      if (message == null) {
        break;
      }
      received.add(new String(message.getData(), StandardCharsets.UTF_8));
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      expected.add(Integer.toString(i));
    }
    assertThat(received)
        .as(
            "messages from %s at %s",
            from.getServerInfo().getServerName(), to.getServerInfo().getServerName())
        .isEqualTo(expected);
    data.unsubscribe();
    probes.unsubscribe();
  }

  static void awaitInterest(
      Connection publisher, Subscription probes, String probeSubject, Duration probeDeadline)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + probeDeadline.toNanos();
    while (System.nanoTime() < deadline) {
      publisher.publish(probeSubject, new byte[0]);
      publisher.flush(Duration.ofSeconds(2));
      if (probes.nextMessage(PROBE_WAIT) != null) {
        return;
      }
    }
    throw new AssertionError(
        "no probe on " + probeSubject + " arrived within " + probeDeadline.toMillis() + " ms");
  }
}
