package dev.meshcheck.cli;

import dev.meshcheck.report.RunReportWriter;
import dev.meshcheck.report.html.ReportPages;
import dev.meshcheck.result.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Names and writes the report folders of {@code run}, {@code matrix} and {@code compare}. */
final class RunFolders {
  private RunFolders() {}

  /** {@code <yyyyMMdd-HHmmss>-<name>}: sorts by time, says what ran. */
  static String stampedId(String name) {
    return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + name;
  }

  /** A run's files and its page; the summary last, as the mark of a complete folder. */
  static void write(Path dir, RunResult result) throws IOException {
    RunReportWriter.write(dir, result);
    ReportPages.writeRun(dir, result);
  }

  /** Rewrites {@code reports/index.html}; a failure to do so does not fail the command. */
  static void refreshIndex(Path reports, java.io.PrintWriter err) {
    try {
      ReportPages.writeIndex(reports);
    } catch (IOException e) {
      err.println(
          "meshcheck: could not rewrite " + reports.resolve("index.html") + ": " + e.getMessage());
    }
  }
}
