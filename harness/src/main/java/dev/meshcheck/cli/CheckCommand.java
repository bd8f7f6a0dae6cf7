package dev.meshcheck.cli;

import dev.meshcheck.report.ConformanceFolders;
import dev.meshcheck.report.ConformanceReport;
import dev.meshcheck.scenario.BadInputException;
import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.TopologyFiles;
import dev.meshcheck.steps.FeatureRun;
import dev.meshcheck.steps.RunSettings;
import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code meshcheck check <features> [--topology] [--backend] [--tags]}: runs conformance features
 * without Maven. Exit 0 when every scenario passed or was skipped, 1 when any failed, 2 on bad
 * input (found before anything is launched), 130 when stopped by Ctrl-C (the JVM's own exit code
 * for SIGINT; the reports of the scenarios that ended are written first).
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Run conformance features (files or folders) against a mesh.")
final class CheckCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", description = "feature files or folders (e.g. features/security)")
  List<Path> features;

  @Option(
      names = "--topology",
      description = "topology name or file every scenario uses instead of the one it names")
  String topology;

  @Option(
      names = "--tags",
      description = "Cucumber tag expression, e.g. \"@discovery and not @faults\"")
  String tags;

  @Option(
      names = "--out",
      description =
          "report folder (default: a new folder under reports/conformance/runs/, linked as"
              + " reports/conformance/latest once complete)")
  Path reportFolder;

  @Mixin MeshOptions mesh;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ProjectLayout layout = ProjectLayout.discover();
    validate(layout);
    Path conformance = layout.reports().resolve("conformance");
    RunSettings settings =
        RunSettings.of(mesh.chosenBackend(), layout).withLauncher(mesh.launcherSettings());
    if (topology != null) {
      settings = settings.withTopologyOverride(topology);
    }
    try (CtrlC ctrlC = CtrlC.install()) {
      Path out = reportFolder != null ? reportFolder : ConformanceFolders.newRun(conformance);
      ConformanceReport report;
      try {
        report =
            new FeatureRun(features, Optional.ofNullable(tags), settings, out)
                .run(ctrlC.stopFlag()::get);
      } catch (BadInputException refused) {
        if (reportFolder == null) {
          ConformanceFolders.removeIfEmpty(out); // refused before anything ran or was written
        }
        throw refused;
      }
      // An interrupted run moves latest too: its files are whole and say partial, whereas
      // leaving latest on an older run would show CI that run's verdict as this one's.
      if (reportFolder == null) {
        ConformanceFolders.markLatest(conformance, out);
      }
      return verdict(report, out);
    }
  }

  private int verdict(ConformanceReport report, Path out) {
    boolean stopped = !report.interrupted().isEmpty();
    boolean passed = report.failed() == 0 && !stopped;
    PrintWriter printer = spec.commandLine().getOut();
    printer.printf(
        "conformance report: %s (%s)%n",
        out.resolve("conformance-summary.md"),
        stopped
            ? "partial: stopped before " + report.interrupted().size() + " scenario(s) ended"
            : passed ? "passed" : "FAILED");
    printer.flush();
    return passed ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private void validate(ProjectLayout layout) {
    if (topology != null) {
      TopologyFiles.resolve(topology, layout);
    }
    if (tags != null) {
      try {
        TagExpressionParser.parse(tags);
      } catch (TagExpressionException e) {
        throw BadInputException.option(
            "--tags", "'" + tags + "' is not a tag expression: " + e.getMessage());
      }
    }
  }
}
