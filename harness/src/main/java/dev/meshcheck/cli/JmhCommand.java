package dev.meshcheck.cli;

import dev.meshcheck.bench.JmhRunOptions;
import dev.meshcheck.report.html.ReportPages;
import dev.meshcheck.scenario.BadInputException;
import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.TopologyFiles;
import dev.meshcheck.topology.Backend;
import dev.meshcheck.topology.Leftovers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code meshcheck jmh [--quick] [--backend B] [--out DIR] [JMH options]}: runs the JMH benchmarks
 * of {@code dev.meshcheck.bench} in forked JVMs and writes JMH's JSON to {@code
 * reports/jmh/<id>/jmh-result.json}.
 */
@Command(
    name = "jmh",
    mixinStandardHelpOptions = true,
    description = {
      "Run the JMH benchmarks (request-reply latency, fan-out throughput) on each topology.",
      "JMH is closed loop: for the latency users see, use `meshcheck run` (open loop)."
    },
    footer = {
      "Any other option goes to JMH, e.g. -f 1 -i 3 -p topology=single,cluster-3 FanOut",
      "(--jmh-help lists them; -lp lists the benchmarks and their parameters)."
    })
final class JmhCommand implements Callable<Integer> {
  static final String RESULT_FILE_NAME = "jmh-result.json";

  @Option(
      names = "--quick",
      description =
          "one fork, one 1 s warmup and two 1 s measurements, every topology at one payload and"
              + " subscriber count: checks the benchmarks work (CI), not a measurement")
  boolean quick;

  @Option(
      names = "--backend",
      defaultValue = "auto",
      description = "auto | containers | processes (default: ${DEFAULT-VALUE})")
  String backend;

  @Option(
      names = "--out",
      description = "folder for the results (default: reports/jmh/<date-time>[-quick]/)")
  Path outFolder;

  @Option(names = "--jmh-help", description = "print JMH's own options and exit")
  boolean jmhHelp;

  @Unmatched List<String> jmhArgs = new ArrayList<>();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Backend chosen = Backend.parse(backend);
    if (chosen == Backend.EXTERNAL) {
      throw BadInputException.option(
          "--backend", "external is not supported by jmh: each trial launches its own mesh");
    }
    CommandLineOptions userOptions = parseJmhArgs();
    PrintWriter out = spec.commandLine().getOut();
    if (jmhHelp) {
      userOptions.showHelp();
      return ExitCodes.OK;
    }
    if (userOptions.shouldList() || userOptions.shouldListWithParams()) {
      new Runner(userOptions).listWithParams(userOptions);
      return ExitCodes.OK;
    }
    ProjectLayout layout = ProjectLayout.discover();
    Path folder = outFolder != null ? outFolder : layout.reports().resolve("jmh").resolve(runId());
    Path resultFile = folder.resolve(RESULT_FILE_NAME);
    var options = JmhRunOptions.build(userOptions, quick, chosen, layout.root(), resultFile);
    // A misspelt topology fails here, once, instead of in every forked trial.
    JmhRunOptions.topologies(options).forEach(name -> TopologyFiles.resolve(name, layout));
    OutputFolders.create(folder);
    // The forked JVMs launch the meshes, but what killed runs left is said here, once.
    Leftovers.removeDeadRuns(System.err);
    try {
      Collection<RunResult> results = new Runner(options).run();
      out.printf("%nmeshcheck: %d JMH results in %s%n", results.size(), resultFile);
      if (Files.isRegularFile(resultFile)) {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(resultFile.toFile());
        out.printf(
            "meshcheck: report %s%n", ReportPages.writeJmh(folder, json, resultFile.toString()));
      }
      return results.isEmpty() ? ExitCodes.FAILED : ExitCodes.OK;
    } catch (RunnerException e) {
      spec.commandLine().getErr().println("meshcheck: a benchmark failed: " + e.getMessage());
      return ExitCodes.FAILED;
    }
  }

  private CommandLineOptions parseJmhArgs() {
    try {
      return new CommandLineOptions(jmhArgs.toArray(String[]::new));
    } catch (CommandLineOptionException e) {
      throw BadInputException.option(
          String.join(" ", jmhArgs),
          "not a JMH option: " + e.getMessage() + " (meshcheck jmh --jmh-help lists them)");
    }
  }

  private String runId() {
    String stamp =
        ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return quick ? stamp + "-quick" : stamp;
  }
}
