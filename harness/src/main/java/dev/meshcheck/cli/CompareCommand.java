package dev.meshcheck.cli;

import dev.meshcheck.compare.CompareMetric;
import dev.meshcheck.compare.Comparison;
import dev.meshcheck.compare.NotComparableException;
import dev.meshcheck.report.ComparisonMarkdown;
import dev.meshcheck.report.MatrixJson;
import dev.meshcheck.report.RunReportReader;
import dev.meshcheck.report.html.ReportPages;
import dev.meshcheck.result.RunResult;
import dev.meshcheck.scenario.BadInputException;
import dev.meshcheck.scenario.ProjectLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code meshcheck compare <baseline>... --against <candidate>...}: judges candidate runs against
 * baseline runs. Exit 0 no regression, 99 a regression beyond the threshold, 2 when the runs are
 * not comparable (naming the field that differs) or a folder is not a run.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description =
        "Compare candidate run folders against baseline run folders; exit 99 on a regression"
            + " beyond --max-regression. Writes compare.md, compare.json and index.html.")
final class CompareCommand implements Callable<Integer> {
  private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");

  @Parameters(arity = "1..*", description = "baseline run folders (reports/runs/<id>)")
  List<Path> baselines;

  @Option(
      names = "--against",
      arity = "1..*",
      required = true,
      description = "candidate run folders")
  List<Path> candidates;

  @Option(
      names = "--max-regression",
      defaultValue = "10%",
      description = "allowed worsening of a metric's median (default: ${DEFAULT-VALUE})")
  String maxRegression;

  @Option(
      names = "--metric",
      split = ",",
      defaultValue = "p99,throughput",
      description =
          "metrics: p50, p90, p99, p999, p9999, max, throughput, error-rate (default: ${DEFAULT-VALUE})")
  List<String> metrics;

  @Option(names = "--out", description = "report folder (default: reports/compare/<id>)")
  Path outDir;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    double threshold = fraction(maxRegression);
    List<CompareMetric> chosen = metrics.stream().map(CompareMetric::parse).toList();
    List<RunResult> base = baselines.stream().map(RunReportReader::read).toList();
    List<RunResult> candidate = candidates.stream().map(RunReportReader::read).toList();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Comparison comparison;
    try {
      comparison = Comparison.of(base, candidate, chosen, threshold);
    } catch (NotComparableException e) {
      e.reasons().forEach(reason -> err.println("meshcheck: not comparable: " + reason));
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    ProjectLayout layout = ProjectLayout.discover();
    Path dir =
        outDir != null
            ? outDir
            : layout
                .reports()
                .resolve("compare")
                .resolve(RunFolders.stampedId(candidate.get(0).identity().scenario()));
    OutputFolders.create(dir);
    String markdown = ComparisonMarkdown.of(comparison);
    Files.writeString(dir.resolve("compare.md"), markdown, StandardCharsets.UTF_8);
    MatrixJson.write(dir.resolve("compare.json"), comparison);
    ReportPages.writeComparison(dir, comparison, folders(baselines), folders(candidates));
    RunFolders.refreshIndex(layout.reports(), err);
    out.print(markdown);
    out.printf("%nreport: %s%n", dir.resolve("index.html").toAbsolutePath());
    out.flush();
    return comparison.regressed() ? ExitCodes.THRESHOLD_BREACHED : ExitCodes.OK;
  }

  private static String folders(List<Path> dirs) {
    return String.join(
        ", ", dirs.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
  }

  /** {@code 10%} or {@code 0.1}. */
  static double fraction(String text) {
    Matcher matcher = PERCENT.matcher(text.trim());
    double value;
    try {
      value =
          matcher.matches()
              ? Double.parseDouble(matcher.group(1)) / 100
              : Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw BadInputException.option(
          "--max-regression", "must be a percentage such as 10%, was '" + text + "'");
    }
    if (value < 0 || value > 10) {
      throw BadInputException.option(
          "--max-regression", "must be from 0% to 1000%, was '" + text + "'");
    }
    return value;
  }
}
