package dev.meshcheck.compare;

import dev.meshcheck.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One workload on several topologies, repeated: per topology and metric the spread over the
 * repeats, its ratio to the first topology, and whether the difference is larger than the spread
 * (the two ranges do not overlap). Invalid and partial runs are listed but left out of the figures.
 *
 * <pre>{@code
 * MatrixTable table = MatrixTable.of(List.of(single, cluster3), MatrixTable.DEFAULT_METRICS);
 * double ratio = table.ratio(1, CompareMetric.P99); // cluster-3 p99 over single p99, medians
 * }</pre>
 */
public record MatrixTable(List<Column> columns, List<CompareMetric> metrics) {
  public static final List<CompareMetric> DEFAULT_METRICS =
      List.of(
          CompareMetric.P50,
          CompareMetric.P90,
          CompareMetric.P99,
          CompareMetric.P999,
          CompareMetric.MAX,
          CompareMetric.THROUGHPUT);

  /** One topology's runs, in the order they ran. */
  public record Column(String topology, List<RunResult> runs) {
    public Column {
      runs = List.copyOf(runs);
    }

    /** The runs whose figures describe the mesh (neither invalid nor partial). */
    public List<RunResult> usable() {
      return runs.stream().filter(r -> Comparability.unusable(r).isEmpty()).toList();
    }

    public Spread spread(CompareMetric metric) {
      return Comparison.spread(metric, usable());
    }

    /** Links the traffic crossed in the usable runs, with their deliveries summed. */
    public Map<String, Long> deliveriesByLink() {
      Map<String, Long> byLink = new TreeMap<>();
      usable()
          .forEach(
              r ->
                  r.workload()
                      .placement()
                      .deliveriesByLink()
                      .forEach((k, v) -> byLink.merge(k, v, Long::sum)));
      return byLink;
    }

    /**
     * Messages on each kind of server link (route, gateway, leaf), medians over the usable runs.
     */
    public Map<String, Double> serverLinkMessages() {
      Map<String, Double> medians = new TreeMap<>();
      for (String[] counter : LINKS) {
        medians.put(
            counter[0],
            Spread.of(
                    usable().stream()
                        .map(r -> (double) r.serverCounters().deltaSum(counter[1]))
                        .toList())
                .median());
      }
      return medians;
    }
  }

  static final List<String[]> LINKS =
      List.of(
          new String[] {"route", "routes_out_msgs"},
          new String[] {"gateway", "gateways_out_out_msgs"},
          new String[] {"leaf", "leafs_out_msgs"});

  public MatrixTable {
    columns = List.copyOf(columns);
    metrics = List.copyOf(metrics);
  }

  public static MatrixTable of(List<Column> columns, List<CompareMetric> metrics) {
    return new MatrixTable(columns, metrics);
  }

  /** Column {@code index}'s median over the first column's; NaN when either has no usable run. */
  public double ratio(int index, CompareMetric metric) {
    return columns.get(index).spread(metric).ratioTo(columns.get(0).spread(metric));
  }

  /**
   * Whether column {@code index} differs from the first by more than both spreads; false with fewer
   * than two usable runs on either side, where there is no spread to judge by.
   */
  public boolean differsBeyondSpread(int index, CompareMetric metric) {
    Spread first = columns.get(0).spread(metric);
    Spread other = columns.get(index).spread(metric);
    return hasSpread(0, metric) && hasSpread(index, metric) && other.separateFrom(first);
  }

  /** True when column {@code index} has two or more usable runs. */
  public boolean hasSpread(int index, CompareMetric metric) {
    return columns.get(index).spread(metric).count() >= 2;
  }

  /** Every run that could not be used, with why. */
  public List<String> unusableRuns() {
    List<String> reasons = new ArrayList<>();
    columns.forEach(c -> c.runs().forEach(r -> reasons.addAll(Comparability.unusable(r))));
    return reasons;
  }
}
