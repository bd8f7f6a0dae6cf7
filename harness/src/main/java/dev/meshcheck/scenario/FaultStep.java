package dev.meshcheck.scenario;

import java.time.Duration;
import java.util.Optional;

/**
 * One step of a load scenario's fault timeline: {@code { at: 10s, action: kill, node: 2 }}.
 *
 * @param at from the start of the measured phase
 * @param node the node a node action acts on (number or name), or the node a {@code partition} or
 *     {@code heal} cuts off or reconnects
 * @param link the link a link action acts on
 * @param latency for {@code latency}: the round trip added, or empty to switch it off
 * @param jitter for {@code latency}: the round trip varies within {@code latency ± jitter}
 * @param source where the step was written, for errors found when it meets a backend
 */
public record FaultStep(
    Duration at,
    FaultAction action,
    Optional<String> node,
    Optional<LinkRef> link,
    Optional<Duration> latency,
    Duration jitter,
    FieldSource source) {

  /** For events and messages: {@code kill node 2}, {@code latency 50ms on route 1 2}. */
  public String describe() {
    String target = node.map(n -> "node " + n).orElseGet(() -> link.orElseThrow().describe());
    if (action == FaultAction.LATENCY) {
      return latency
          .map(l -> "latency " + millis(l) + " on " + target)
          .orElse("latency off on " + target);
    }
    return action.fileName() + " " + target;
  }

  private static String millis(Duration d) {
    return d.toNanos() % 1_000_000 == 0 ? d.toMillis() + "ms" : d.toNanos() / 1e6 + "ms";
  }
}
