package dev.meshcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshcheck.measure.Metric;
import dev.meshcheck.measure.PhaseRecorders;
import dev.meshcheck.result.Latencies;
import dev.meshcheck.result.RunResult;
import dev.meshcheck.scenario.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Reads a run folder back into the {@link RunResult} it was written from: the figures from {@code
 * summary.json}, each workload's whole-phase histograms as the sum of its {@code .hlog} intervals
 * (HdrHistogram adds without loss). What {@code compare}, {@code matrix} and the HTML reports read.
 */
public final class RunReportReader {
  static final String SUMMARY = "summary.json";

  private RunReportReader() {}

  /**
   * @throws BadInputException when {@code dir} holds no readable run (names the folder and why)
   */
  public static RunResult read(Path dir) {
    Path summary = dir.resolve(SUMMARY);
    if (!Files.isRegularFile(summary)) {
      throw new BadInputException(dir, 0, "", "is not a run folder: it has no " + SUMMARY);
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(summary.toFile());
    } catch (IOException e) {
      throw new BadInputException(summary, 0, "", "cannot be read: " + e.getMessage());
    }
    try {
      return SummaryJson.read(root, name -> latencies(dir.resolve(name + ".hlog")));
    } catch (IllegalArgumentException | DateTimeException e) {
      // What a malformed value throws (an unknown enum name, a time that does not parse); any other
      // exception is a bug of this reader and goes up with its stack trace.
      throw new BadInputException(
          summary, 0, "", "is not a meshcheck summary this version can read: " + e.getMessage());
    }
  }

  /** The sum of an interval log's histograms per metric; empty histograms where it is missing. */
  static Latencies latencies(Path hlog) {
    Map<Metric, Histogram> totals = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      totals.put(metric, new Histogram(PhaseRecorders.HIGHEST_TRACKABLE_NANOS, 3));
    }
    if (Files.isRegularFile(hlog)) {
      try (InputStream in = Files.newInputStream(hlog)) {
        HistogramLogReader reader = new HistogramLogReader(in);
        Histogram interval;
        while ((interval = (Histogram) reader.nextIntervalHistogram()) != null) {
          for (Metric metric : Metric.values()) {
            if (metric.tag().equals(interval.getTag())) {
              totals.get(metric).add(interval);
            }
          }
        }
      } catch (IOException e) {
        throw new BadInputException(hlog, 0, "", "cannot be read: " + e.getMessage());
      }
    }
    return new Latencies(totals);
  }
}
