package dev.meshcheck.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshcheck.compare.CompareMetric;
import dev.meshcheck.compare.Comparison;
import dev.meshcheck.compare.MatrixTable;
import dev.meshcheck.report.SampleRuns;
import dev.meshcheck.result.RunResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every report page opened in a real browser (headless Chromium): each chart renders with something
 * drawn, nothing is logged as an error, and no request leaves the file.
 */
class HtmlReportsIT {
  @TempDir Path dir;

  @Test
  void runMatrixCompareIndexAndJmhPagesRenderOfflineWithoutErrors() throws Exception {
    RunResult single =
        SampleRuns.write(dir.resolve("runs/single-r1"), "single-r1", "single", 300, 1);
    RunResult single2 =
        SampleRuns.write(dir.resolve("runs/single-r2"), "single-r2", "single", 320, 2);
    RunResult gateway =
        SampleRuns.write(dir.resolve("runs/sc-r1"), "sc-r1", "supercluster-2x3", 700, 3);
    RunResult gateway2 =
        SampleRuns.write(dir.resolve("runs/sc-r2"), "sc-r2", "supercluster-2x3", 720, 4);
    Path runPage = ReportPages.writeRun(dir.resolve("runs/sc-r1"), gateway);
    MatrixTable table =
        MatrixTable.of(
            List.of(
                new MatrixTable.Column("single", List.of(single, single2)),
                new MatrixTable.Column("supercluster-2x3", List.of(gateway, gateway2))),
            MatrixTable.DEFAULT_METRICS);
    Path matrixPage =
        ReportPages.writeMatrix(
            dir.resolve("matrix/m1"),
            "sample",
            "processes",
            table,
            r -> "../../runs/" + r.identity().runId() + "/index.html");
    Comparison comparison =
        Comparison.of(
            List.of(gateway),
            List.of(gateway2),
            List.of(CompareMetric.P99, CompareMetric.THROUGHPUT),
            0.1);
    Path comparePage =
        ReportPages.writeComparison(dir.resolve("compare/c1"), comparison, "sc-r1", "sc-r2");
    Path index = ReportPages.writeIndex(dir);
    Path jmhPage =
        ReportPages.writeJmh(
            dir.resolve("jmh/j1"), new ObjectMapper().readTree(JMH_RESULT), "jmh-result.json");

    try (Browser browser = new Browser()) {
      assertRenders(
          browser, runPage, 4, "the spectrum, p99 and throughput over time, and the member spread");
      assertFaultIsMarkedOverTime(browser.open(runPage));
      assertThat(runPage)
          .content()
          .as("the faults table: the kill, its recovery, failures and reconnects")
          .contains(
              "<h2>Faults</h2>",
              "kill node 2",
              "2.00 s / 2.00 s",
              "1.00 s",
              "3 (3, 0, 0)",
              "1 (42.0 ms, 42.0 ms)");
      assertRenders(browser, matrixPage, 1, "the overlaid spectra");
      assertRenders(browser, comparePage, 1, "the overlaid spectra");
      assertRenders(browser, index, 0, "tables only");
      assertRenders(browser, jmhPage, 0, "tables only");
    }
  }

  @Test
  void theChecksSeeAPageThatFetchesLogsErrorsOrDrawsNothing() throws Exception {
    // Loopback only: the request is refused at once, and still shows as a request that left.
    Path broken = dir.resolve("broken.html");
    java.nio.file.Files.writeString(
        broken,
        "<!DOCTYPE html><html><head><title>broken</title></head><body>"
            + "<img src=\"http://127.0.0.1:9/pixel.png\">"
            + "<script>console.error('boom')</script>"
            + "<svg class=\"chart\" width=\"100\" height=\"50\"><g class=\"series\"><path d=\"\"/></g></svg>"
            + "</body></html>");
    try (Browser browser = new Browser()) {
      Browser.Visit visit = browser.open(broken);
      assertThat(visit.requests())
          .as("the image request")
          .anyMatch(url -> url.startsWith("http://127.0.0.1:9/"));
      assertThat(visit.consoleErrors()).as("the console error").anyMatch(m -> m.contains("boom"));
      assertThat(visit.charts())
          .singleElement()
          .satisfies(c -> assertThat(((Number) c.get("drawn")).intValue()).isZero());
    }
  }

  /**
   * The sample run kills node 2 at 2.003 s: both over-time charts draw a visible line labelled so,
   * between the points of the seconds that end at 2 s and 3 s.
   */
  @SuppressWarnings("unchecked")
  private static void assertFaultIsMarkedOverTime(Browser.Visit visit) {
    List<Map<String, Object>> overTime =
        visit.charts().stream()
            .filter(c -> ((String) c.get("title")).contains("per second"))
            .toList();
    assertThat(overTime).as("latency and throughput per second").hasSize(2);
    for (Map<String, Object> chart : overTime) {
      List<Map<String, Object>> markers = (List<Map<String, Object>>) chart.get("markers");
      assertThat(markers).as("markers of %s", chart.get("title")).hasSize(1);
      Map<String, Object> kill = markers.get(0);
      assertThat(kill.get("label")).isEqualTo("kill node 2");
      assertThat(((Number) kill.get("height")).doubleValue())
          .as("drawn over the plot")
          .isPositive();
      double x = ((Number) kill.get("x")).doubleValue();
      assertThat(x)
          .as("%s: the kill at 2.003 s lies between the 2 s and 3 s points", chart.get("title"))
          .isGreaterThan(dotX(chart, ": 2 s:"))
          .isLessThan(dotX(chart, ": 3 s:"));
    }
  }

  @SuppressWarnings("unchecked")
  private static double dotX(Map<String, Object> chart, String second) {
    return ((List<Map<String, Object>>) chart.get("dots"))
        .stream()
            .filter(d -> ((String) d.get("title")).contains(second))
            .mapToDouble(d -> ((Number) d.get("x")).doubleValue())
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no point" + second + " in " + chart.get("title")));
  }

  private static void assertRenders(Browser browser, Path page, int charts, String which)
      throws Exception {
    Browser.Visit visit = browser.open(page);
    assertThat(visit.charts()).as("%s: %s", page, which).hasSize(charts);
    for (Map<String, Object> chart : visit.charts()) {
      assertThat(((Number) chart.get("width")).doubleValue()).as("width of %s", chart).isPositive();
      assertThat(((Number) chart.get("height")).doubleValue())
          .as("height of %s", chart)
          .isPositive();
      assertThat(((Number) chart.get("drawn")).intValue())
          .as("lines or bars drawn in %s", chart)
          .isPositive();
    }
    assertThat(visit.consoleErrors()).as("console of %s", page).isEmpty();
    assertThat(visit.requests())
        .as("%s may load itself and nothing else", page)
        .allMatch(url -> url.equals(page.toUri().toString()) || url.startsWith("data:"));
  }

  private static final String JMH_RESULT =
      """
      [{"benchmark": "dev.meshcheck.bench.RequestReplyBenchmark.request", "mode": "sample",
        "params": {"topology": "cluster-3", "payloadBytes": "128"},
        "primaryMetric": {"score": 112.5, "scoreError": 3.2, "scoreUnit": "us/op",
          "scorePercentiles": {"50.0": 101.0, "99.0": 240.0}}, "secondaryMetrics": {}},
       {"benchmark": "dev.meshcheck.bench.FanOutBenchmark.publish", "mode": "thrpt",
        "params": {"topology": "single", "payloadBytes": "128", "subscriberCount": "4"},
        "primaryMetric": {"score": 250000.0, "scoreError": 9000.0, "scoreUnit": "ops/s",
          "scorePercentiles": {}}, "secondaryMetrics": {"delivered": {"score": 1000000.0}}}]
      """;
}
