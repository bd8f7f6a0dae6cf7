package dev.meshcheck.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshcheck.load.WorkloadResult;
import dev.meshcheck.measure.Metric;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run's folder: {@code summary.json}, {@code <workload>.<metric>.hgrm} percentile
 * distributions (microseconds), {@code environment.json} and {@code slo-junit.xml}. The {@code
 * .hlog} interval logs are written during the run by the load engine. Stateless.
 */
public final class RunReportWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunReportWriter() {}

  public static void write(Path dir, RunOutcome outcome) throws IOException {
    Files.createDirectories(dir);
    for (WorkloadResult workload : outcome.workloads()) {
      for (Metric metric : Metric.values()) {
        writeHgrm(dir.resolve(workload.name() + "." + metric.tag() + ".hgrm"), workload, metric);
      }
    }
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(dir.resolve("environment.json").toFile(), outcome.environment());
    Files.writeString(
        dir.resolve("slo-junit.xml"), SloJunitXml.of(outcome), StandardCharsets.UTF_8);
    // The summary goes last: its presence says the folder is complete as far as the run got.
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(dir.resolve("summary.json").toFile(), SummaryJson.of(outcome));
  }

  private static void writeHgrm(Path file, WorkloadResult workload, Metric metric)
      throws IOException {
    try (PrintStream out =
        new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
      // Recorded in nanoseconds; 1000.0 scales the distribution to microseconds.
      workload.histograms().get(metric).outputPercentileDistribution(out, 5, 1000.0);
    }
  }
}
