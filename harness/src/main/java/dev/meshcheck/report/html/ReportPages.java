package dev.meshcheck.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshcheck.compare.Comparison;
import dev.meshcheck.compare.MatrixTable;
import dev.meshcheck.result.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Writes the self-contained HTML pages: one per run, matrix, comparison and JMH result, and the
 * index of every run. Each page is one file that works offline (inline SVG, inline style, no
 * script). Stateless.
 *
 * <pre>{@code
 * ReportPages.writeRun(runDir, result);          // runDir/index.html
 * ReportPages.writeIndex(layout.reports());       // reports/index.html
 * }</pre>
 */
public final class ReportPages {
  public static final String PAGE = "index.html";

  private ReportPages() {}

  public static Path writeRun(Path runDir, RunResult run) throws IOException {
    return write(runDir.resolve(PAGE), RunPage.render(run));
  }

  public static Path writeMatrix(
      Path dir,
      String scenario,
      String backend,
      MatrixTable table,
      Function<RunResult, String> runHref)
      throws IOException {
    return write(dir.resolve(PAGE), MatrixPage.render(scenario, backend, table, runHref));
  }

  public static Path writeComparison(
      Path dir, Comparison comparison, String baselines, String candidates) throws IOException {
    return write(dir.resolve(PAGE), ComparePage.render(comparison, baselines, candidates));
  }

  public static Path writeJmh(Path dir, JsonNode results, String source) throws IOException {
    return write(dir.resolve(PAGE), JmhPage.render(results, source));
  }

  /** Rewrites {@code reports/index.html} from every summary under {@code reports}. */
  public static Path writeIndex(Path reports) throws IOException {
    return write(reports.resolve(PAGE), RunsIndexPage.render(reports));
  }

  private static Path write(Path file, String html) throws IOException {
    Files.createDirectories(file.getParent());
    // Written beside and moved, so a reader never sees half a page.
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.writeString(partial, html, StandardCharsets.UTF_8);
    return Files.move(
        partial,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
