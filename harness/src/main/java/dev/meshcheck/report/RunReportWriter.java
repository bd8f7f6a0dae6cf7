package dev.meshcheck.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshcheck.measure.Metric;
import dev.meshcheck.result.RunResult;
import dev.meshcheck.result.WorkloadResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run's folder: {@code summary.json}, {@code <workload>.<metric>.hgrm} percentile
 * distributions (microseconds), {@code environment.json} and {@code slo-junit.xml}. The {@code
 * .hlog} interval logs are written during the run by the load engine. Stateless.
 *
 * <pre>{@code
 * RunReportWriter.write(dir, result);
 * RunResult again = RunReportReader.read(dir); // the same figures, histograms from the .hlog
 * }</pre>
 */
public final class RunReportWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunReportWriter() {}

  public static void write(Path dir, RunResult result) throws IOException {
    Files.createDirectories(dir);
    for (WorkloadResult workload : result.workloads()) {
      for (Metric metric : Metric.values()) {
        writeHgrm(dir.resolve(workload.name() + "." + metric.tag() + ".hgrm"), workload, metric);
      }
    }
    ObjectNode environment = SummaryJson.environment(result.environment());
    environment.put("topology", result.mesh().topology());
    environment.put("backend", result.mesh().backend());
    environment.put("server_version", result.mesh().serverVersion());
    environment.put("client_access", result.mesh().clientAccess());
    environment.put("image", result.mesh().image());
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(dir.resolve("environment.json").toFile(), environment);
    Files.writeString(dir.resolve("slo-junit.xml"), SloJunitXml.of(result), StandardCharsets.UTF_8);
    // The summary goes last: its presence says the folder is complete as far as the run got.
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(dir.resolve(RunReportReader.SUMMARY).toFile(), SummaryJson.of(result));
  }

  private static void writeHgrm(Path file, WorkloadResult workload, Metric metric)
      throws IOException {
    try (PrintStream out =
        new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
      // Recorded in nanoseconds; 1000.0 scales the distribution to microseconds.
      workload.latencies().histogram(metric).outputPercentileDistribution(out, 5, 1000.0);
    }
  }
}
