package dev.meshcheck.result;

import dev.meshcheck.measure.ServerStats;
import java.util.List;

/**
 * Every node's counters before and after the run ({@code /varz}, {@code /routez}, {@code
 * /gatewayz}, {@code /leafz}).
 *
 * @param before per node, in node order; empty when the run failed before it
 * @param after per node; empty when the run failed before it
 */
public record ServerCounters(List<ServerStats> before, List<ServerStats> after) {
  public ServerCounters {
    before = List.copyOf(before);
    after = List.copyOf(after);
  }

  public static ServerCounters none() {
    return new ServerCounters(List.of(), List.of());
  }

  /** After minus before for each node that has both. */
  public List<ServerStats> deltas() {
    return java.util.stream.IntStream.range(0, Math.min(before.size(), after.size()))
        .mapToObj(i -> after.get(i).minus(before.get(i)))
        .toList();
  }

  /** One counter summed over the nodes' deltas, such as {@code gateways_out_msgs}. */
  public long deltaSum(String counter) {
    return deltas().stream().mapToLong(d -> d.counters().getOrDefault(counter, 0L)).sum();
  }
}
