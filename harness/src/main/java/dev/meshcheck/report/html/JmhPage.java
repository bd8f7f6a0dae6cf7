package dev.meshcheck.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The HTML of {@code meshcheck jmh}: JMH's results per benchmark as a table by topology and
 * parameters, with score, error and, for sampled benchmarks, percentiles.
 */
final class JmhPage {
  private JmhPage() {}

  static String render(JsonNode results, String source) {
    StringBuilder body = new StringBuilder();
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode result : results) {
      JsonNode params = result.path("params");
      JsonNode primary = result.path("primaryMetric");
      JsonNode percentiles = primary.path("scorePercentiles");
      JsonNode delivered = result.path("secondaryMetrics").path("delivered");
      rows.add(
          List.of(
              shortName(result.path("benchmark").asText()),
              params.path("topology").asText("-"),
              params.path("payloadBytes").asText("-"),
              params.path("subscriberCount").asText("-"),
              result.path("mode").asText(),
              score(primary.path("score").asDouble(), primary.path("scoreError").asDouble()),
              primary.path("scoreUnit").asText(),
              percentiles.has("50.0") ? Html.number(percentiles.path("50.0").asDouble()) : "-",
              percentiles.has("99.0") ? Html.number(percentiles.path("99.0").asDouble()) : "-",
              delivered.isMissingNode() ? "-" : Html.number(delivered.path("score").asDouble())));
    }
    body.append(
        Html.table(
            List.of(
                "benchmark",
                "topology",
                "payload B",
                "subscribers",
                "mode",
                "score ± error",
                "unit",
                "p50",
                "p99",
                "delivered/s"),
            rows));
    body.append(
        Html.paragraph(
            "JMH is closed loop: a call's latency excludes the time a stall kept later calls from starting."
                + " For user-facing latency at a rate, use meshcheck run."));
    return Html.page("JMH results", source, body.toString());
  }

  private static String shortName(String benchmark) {
    String[] parts = benchmark.split("\\.");
    return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
  }

  private static String score(double score, double error) {
    return Double.isNaN(error)
        ? Html.number(score)
        : Html.number(score) + " ± " + String.format(Locale.ROOT, "%.1f", error);
  }
}
