package dev.meshcheck.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshcheck.compare.CompareMetric;
import dev.meshcheck.compare.Comparison;
import dev.meshcheck.compare.MatrixTable;
import dev.meshcheck.compare.Spread;
import java.io.IOException;
import java.nio.file.Path;

/** {@code matrix.json} and {@code compare.json}: the tables of the Markdown, for machines. */
public final class MatrixJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MatrixJson() {}

  public static void write(Path file, String scenario, String backend, MatrixTable table)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("scenario", scenario);
    root.put("backend", backend);
    ArrayNode topologies = root.putArray("topologies");
    for (int i = 0; i < table.columns().size(); i++) {
      MatrixTable.Column column = table.columns().get(i);
      ObjectNode node = topologies.addObject();
      node.put("topology", column.topology());
      node.put("runs", column.runs().size());
      node.put("usable_runs", column.usable().size());
      node.set("deliveries_by_link", JSON.valueToTree(column.deliveriesByLink()));
      node.set("server_link_msgs", JSON.valueToTree(column.serverLinkMessages()));
      ObjectNode metrics = node.putObject("metrics");
      for (CompareMetric metric : table.metrics()) {
        ObjectNode m = spread(column.spread(metric));
        m.put("unit", metric.unit());
        if (i > 0) {
          m.put("ratio_to_first", table.ratio(i, metric));
          m.put("beyond_spread", table.differsBeyondSpread(i, metric));
        }
        metrics.set(metric.key(), m);
      }
    }
    root.set("left_out", JSON.valueToTree(table.unusableRuns()));
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
  }

  public static void write(Path file, Comparison c) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("regressed", c.regressed());
    root.put("max_regression", c.maxRegression());
    root.set(
        "baselines",
        JSON.valueToTree(c.baselines().stream().map(r -> r.identity().runId()).toList()));
    root.set(
        "candidates",
        JSON.valueToTree(c.candidates().stream().map(r -> r.identity().runId()).toList()));
    ArrayNode verdicts = root.putArray("verdicts");
    for (Comparison.Verdict v : c.verdicts()) {
      ObjectNode node = verdicts.addObject();
      node.put("metric", v.metric().key());
      node.put("unit", v.metric().unit());
      node.set("baseline", spread(v.baseline()));
      node.set("candidate", spread(v.candidate()));
      node.put("change", v.change());
      node.put("limit", v.limit());
      node.put("regressed", v.regressed());
    }
    root.set("warnings", JSON.valueToTree(c.warnings()));
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
  }

  private static ObjectNode spread(Spread s) {
    ObjectNode node = JSON.createObjectNode();
    node.put("median", s.median());
    node.put("min", s.min());
    node.put("max", s.max());
    node.put("count", s.count());
    return node;
  }
}
