package dev.meshcheck.result;

import dev.meshcheck.measure.Fairness;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a workload's connections sat and where its traffic went, so that a reader sees which link
 * the figures crossed.
 *
 * @param connections every connection with its node
 * @param handledPerReceiver measured requests each member answered, or messages each subscriber or
 *     member received
 * @param fairness how evenly the receivers shared the work
 * @param deliveriesByLink measured deliveries by the path between sender and receiver node: {@code
 *     same node}, {@code route}, {@code gateway}, {@code leaf}, or a combination such as {@code
 *     leaf+gateway}
 */
public record PlacementOutcome(
    List<ConnectionPlacement> connections,
    Map<String, Long> handledPerReceiver,
    Fairness fairness,
    Map<String, Long> deliveriesByLink) {

  public PlacementOutcome {
    connections = List.copyOf(connections);
    handledPerReceiver = unmodifiableCopy(handledPerReceiver);
    deliveriesByLink = unmodifiableCopy(new TreeMap<>(deliveriesByLink));
  }

  /** Measured deliveries summed by the cluster of the receiving connection. */
  public Map<String, Long> handledPerCluster() {
    Map<String, Long> perCluster = new TreeMap<>();
    for (ConnectionPlacement placed : connections) {
      Long handled = handledPerReceiver.get(placed.connection());
      if (handled != null && placed.role() != ConnectionPlacement.Role.SENDER) {
        perCluster.merge(placed.cluster(), handled, Long::sum);
      }
    }
    return perCluster;
  }

  /** The links that carried at least {@code share} (0..1) of the measured deliveries. */
  public List<String> linksCarrying(double share) {
    long total = deliveriesByLink.values().stream().mapToLong(Long::longValue).sum();
    return deliveriesByLink.entrySet().stream()
        .filter(e -> total > 0 && e.getValue() >= share * total)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static Map<String, Long> unmodifiableCopy(Map<String, Long> map) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
