package dev.meshcheck.steps;

import dev.meshcheck.report.ConformanceRecorder;
import dev.meshcheck.report.ConformanceReport;
import dev.meshcheck.report.ConformanceReportPlugin;
import dev.meshcheck.scenario.BadInputException;
import dev.meshcheck.scenario.FeatureFiles;
import dev.meshcheck.topology.MeshLaunchers;
import io.cucumber.core.options.CommandlineOptionsParser;
import io.cucumber.core.options.RuntimeOptions;
import io.cucumber.core.runtime.Runtime;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Runs features with the meshcheck glue, the way {@code meshcheck check} and the Failsafe suites
 * do: Cucumber's runtime with the html, message and junit reports written to {@code reportFolder},
 * and the conformance report built from typed events and returned. The run's settings and its mesh
 * pool reach the glue through {@link GlueFactory}, never through System properties, so runs in one
 * JVM do not see each other.
 *
 * <pre>{@code
 * ConformanceReport report = new FeatureRun(List.of(Path.of("features/security")), Optional.empty(),
 *     RunSettings.of(Backend.PROCESSES, ProjectLayout.discover()), Path.of("reports/conformance")).run();
 * }</pre>
 *
 * @param tags a Cucumber tag expression ({@code "@discovery and not @jetstream"}), if any
 */
public record FeatureRun(
    List<Path> features, Optional<String> tags, RunSettings settings, Path reportFolder) {
  /** How long an external mesh's URL may take to answer before the run is refused. */
  public FeatureRun {
    features = List.copyOf(features);
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(reportFolder, "reportFolder");
    if (features.isEmpty()) {
      throw new IllegalArgumentException("features must name at least one file or folder");
    }
  }

  /** Runs every selected scenario, as {@link #run(BooleanSupplier)} with nobody to stop it. */
  public ConformanceReport run() {
    return run(() -> false);
  }

  /**
   * Checks the features ({@link #validate()}) and, for an external mesh, that its URLs answer; then
   * runs every selected scenario, one after another, and closes every mesh it launched.
   *
   * @param stopRequested asked before each scenario; once true, the scenarios not yet begun are
   *     skipped without a mesh, Cucumber's reports are still written whole, and the conformance
   *     report is {@link ConformanceReport#PARTIAL} (Ctrl-C)
   * @throws dev.meshcheck.scenario.BadInputException before anything runs: see {@link #validate()};
   *     or an external mesh's URL that does not answer
   * @return the conformance report, also written to {@code reportFolder}; skipped scenarios do not
   *     fail a run
   */
  public ConformanceReport run(BooleanSupplier stopRequested) {
    ConformanceReportPlugin reportPlugin = new ConformanceReportPlugin(reportFolder);
    StopRequest stop = new StopRequest(stopRequested);
    try (MeshPool pool = new MeshPool(settings)) {
      validate(new GlueFactory(settings, pool, reportPlugin, stop));
      MeshLaunchers.requireReachable(settings.backend(), settings.launcher());
      GlueFactory glue = new GlueFactory(settings, pool, reportPlugin, stop);
      Runtime.builder()
          .withRuntimeOptions(options())
          .withClassLoader(FeatureRun.class::getClassLoader)
          .withObjectFactorySupplier(() -> glue)
          .withAdditionalPlugins(reportPlugin)
          .build()
          .run();
    }
    return reportPlugin.report();
  }

  /**
   * Checks the selected scenarios without launching anything: Gherkin syntax, tags ({@link
   * FeatureTags}), a step definition for every step ({@link UndefinedSteps}, by a Cucumber dry
   * run), at least one scenario selected, and the topologies, nodes, clusters and links the steps
   * name ({@link TopologyReferences}).
   *
   * @throws dev.meshcheck.scenario.BadInputException at the file and line of the first problem
   */
  public void validate() {
    // A dry run launches nothing; the pool is there because the glue asks for one.
    try (MeshPool pool = new MeshPool(settings)) {
      validate(
          new GlueFactory(settings, pool, ConformanceRecorder.discarding(), StopRequest.never()));
    }
  }

  private void validate(GlueFactory glue) {
    FeatureFiles.countScenarios(features);
    FeatureTags.requireKnown(features, settings.layout().features());
    DryRun dryRun = DryRun.of(parse(selection(List.of("--dry-run"))), glue);
    UndefinedSteps.requireNone(dryRun);
    if (dryRun.scenarios().isEmpty()) {
      throw new BadInputException(
          FeatureFiles.withoutLines(features.get(0)),
          0,
          "",
          "no scenario is selected by "
              + tags.map(t -> "--tags '" + t + "'").orElse("the :line suffixes")
              + " in "
              + features
              + "; nothing would be checked");
    }
    TopologyReferences.requireValid(dryRun, settings);
  }

  private RuntimeOptions options() {
    return parse(arguments());
  }

  private static RuntimeOptions parse(List<String> args) {
    // Cucumber prints usage problems here; our arguments are fixed, so there are none to show.
    CommandlineOptionsParser parser =
        new CommandlineOptionsParser(new PrintStream(OutputStream.nullOutputStream()));
    return parser.parse(args.toArray(String[]::new)).build();
  }

  List<String> arguments() {
    List<String> reporting = new ArrayList<>(List.of("--monochrome"));
    plugin(reporting, "summary");
    plugin(reporting, "progress");
    plugin(reporting, "html:" + reportFolder.resolve("cucumber.html"));
    plugin(reporting, "message:" + reportFolder.resolve("cucumber.ndjson"));
    plugin(reporting, "junit:" + reportFolder.resolve("cucumber-junit.xml"));
    return selection(reporting);
  }

  /** {@code leading} arguments, then the glue, the tag expression and the features to run. */
  private List<String> selection(List<String> leading) {
    List<String> args = new ArrayList<>(leading);
    args.add("--glue");
    args.add("dev.meshcheck.steps");
    tags.ifPresent(
        t -> {
          args.add("--tags");
          args.add(t);
        });
    features.forEach(f -> args.add(f.toString()));
    return args;
  }

  private static void plugin(List<String> args, String plugin) {
    args.add("--plugin");
    args.add(plugin);
  }
}
