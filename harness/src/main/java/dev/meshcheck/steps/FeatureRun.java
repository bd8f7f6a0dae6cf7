package dev.meshcheck.steps;

import dev.meshcheck.topology.Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Runs features with the meshcheck glue outside Maven, the way {@code meshcheck check} and the
 * broken-mesh tests do: Cucumber's own runner, with the html, message and junit reports and the
 * conformance report written to {@code reportFolder}.
 *
 * <pre>{@code
 * boolean passed = new FeatureRun(List.of(Path.of("features/security")), Optional.empty(),
 *     Optional.of("my-mesh"), Backend.PROCESSES, Path.of("reports/conformance"), List.of()).run();
 * }</pre>
 *
 * <p>The backend and topology reach the glue as the system properties of {@link RunSettings}; they
 * are set for the run and restored after, so runs in one JVM must not overlap.
 *
 * @param tags a Cucumber tag expression ({@code "@discovery and not @jetstream"}), if any
 * @param topologyOverride the topology every scenario uses instead of the one it names, if any
 * @param externalUrls client URLs when the backend is external (with {@code externalMonitorUrls})
 */
public record FeatureRun(
    List<Path> features,
    Optional<String> tags,
    Optional<String> topologyOverride,
    Backend backend,
    Path reportFolder,
    List<String> externalUrls,
    List<String> externalMonitorUrls) {

  public FeatureRun {
    features = List.copyOf(features);
    externalUrls = List.copyOf(externalUrls);
    externalMonitorUrls = List.copyOf(externalMonitorUrls);
    if (features.isEmpty()) {
      throw new IllegalArgumentException("features must name at least one file or folder");
    }
  }

  /** Runs every scenario; true when none failed (skipped scenarios do not fail a run). */
  public boolean run() {
    Properties saved = (Properties) System.getProperties().clone();
    try {
      System.setProperty(RunSettings.BACKEND_PROPERTY, backend.cliName());
      topologyOverride.ifPresentOrElse(
          t -> System.setProperty(RunSettings.TOPOLOGY_PROPERTY, t),
          () -> System.clearProperty(RunSettings.TOPOLOGY_PROPERTY));
      System.setProperty(RunSettings.URLS_PROPERTY, String.join(",", externalUrls));
      System.setProperty(RunSettings.MONITOR_URLS_PROPERTY, String.join(",", externalMonitorUrls));
      byte status =
          io.cucumber.core.cli.Main.run(
              arguments().toArray(String[]::new), FeatureRun.class.getClassLoader());
      return status == 0;
    } finally {
      System.setProperties(saved);
    }
  }

  List<String> arguments() {
    List<String> args = new ArrayList<>();
    args.add("--monochrome");
    args.add("--glue");
    args.add("dev.meshcheck.steps");
    plugin(args, "summary");
    plugin(args, "progress");
    plugin(args, "html:" + reportFolder.resolve("cucumber.html"));
    plugin(args, "message:" + reportFolder.resolve("cucumber.ndjson"));
    plugin(args, "junit:" + reportFolder.resolve("cucumber-junit.xml"));
    plugin(args, "dev.meshcheck.report.ConformanceReportPlugin:" + reportFolder);
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
