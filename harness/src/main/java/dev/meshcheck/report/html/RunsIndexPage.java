package dev.meshcheck.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code reports/index.html}: every run under the reports folder (plain runs, matrix rounds,
 * shards) newest first, with scenario, topology, status, p99, throughput and date, linked to its
 * page; and every matrix and comparison. Read from the summaries alone, so it stays quick.
 */
final class RunsIndexPage {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunsIndexPage() {}

  static String render(Path reports) throws IOException {
    List<Path> summaries = find(reports, "summary.json");
    List<JsonNode> runs = new ArrayList<>();
    List<Path> dirs = new ArrayList<>();
    for (Path summary : summaries) {
      try {
        runs.add(JSON.readTree(summary.toFile()));
        dirs.add(summary.getParent());
      } catch (IOException e) {
        // A summary being written right now, or broken: the index lists what it can read.
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparing((Integer i) -> runs.get(i).path("started_at").asText()).reversed());
    List<List<String>> rows = new ArrayList<>();
    for (int i : order) {
      JsonNode run = runs.get(i);
      JsonNode w = run.path("workloads").path(0);
      String href = reports.relativize(dirs.get(i).resolve("index.html")).toString();
      rows.add(
          List.of(
              run.path("started_at").asText(),
              Html.link(href, run.path("run_id").asText()),
              run.path("scenario").asText(),
              run.path("topology").asText(),
              run.path("status").asText(),
              Html.number(w.path("latency_us").path("p99").asDouble(Double.NaN)),
              Html.number(w.path("delivered_per_sec").asDouble(Double.NaN))));
    }
    StringBuilder body = new StringBuilder();
    body.append(Html.heading("Runs (" + rows.size() + ")"));
    body.append(
        Html.table(
            List.of("started", "run", "scenario", "topology", "status", "p99 µs", "throughput/s"),
            rows));
    body.append(Html.heading("Matrices and comparisons")).append(others(reports));
    return Html.page(
        "meshcheck reports", "Everything under " + reports.toAbsolutePath(), body.toString());
  }

  private static String others(Path reports) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (String kind : List.of("matrix", "compare")) {
      Path folder = reports.resolve(kind);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> entries = Files.list(folder)) {
        entries
            .filter(d -> Files.isRegularFile(d.resolve("index.html")))
            .sorted(Comparator.reverseOrder())
            .forEach(
                d ->
                    rows.add(
                        List.of(
                            kind,
                            Html.link(
                                reports.relativize(d.resolve("index.html")).toString(),
                                d.getFileName().toString()))));
      }
    }
    return rows.isEmpty()
        ? Html.paragraph("None yet.")
        : Html.table(List.of("kind", "report"), rows);
  }

  private static List<Path> find(Path root, String name) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root, 5)) {
      return files.filter(f -> f.getFileName().toString().equals(name)).toList();
    }
  }
}
