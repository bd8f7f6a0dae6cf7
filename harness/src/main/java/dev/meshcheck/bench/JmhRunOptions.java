package dev.meshcheck.bench;

import dev.meshcheck.topology.Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Turns {@code meshcheck jmh}'s settings and the user's own JMH options into the options a JMH
 * {@code Runner} takes. The user's options always win; {@code --quick} only fills in what the user
 * left out. Every run writes JSON to the given file, fails on the first benchmark error, and hands
 * the backend and the checkout to the forked JVMs, which launch the meshes.
 *
 * <pre>{@code
 * Options options = JmhRunOptions.build(new CommandLineOptions("-f", "1"), true,
 *     Backend.PROCESSES, Path.of("."), Path.of("reports/jmh/x/jmh-result.json"));
 * new Runner(options).run();
 * }</pre>
 */
public final class JmhRunOptions {
  /** What {@code --quick} runs when the user does not say otherwise: every benchmark, briefly. */
  public static final List<String> QUICK_TOPOLOGIES =
      List.of("single", "cluster-3", "supercluster-2x3");

  static final String TOPOLOGY_PARAM = "topology";
  static final String QUICK_PAYLOAD_BYTES = "128";
  static final String QUICK_SUBSCRIBER_COUNT = "4";
  static final TimeValue QUICK_ITERATION_TIME = TimeValue.seconds(1);

  private JmhRunOptions() {}

  /**
   * @param userOptions what the user passed to {@code meshcheck jmh} after meshcheck's own options
   * @param quick whether to fill in the quick mode's forks, iterations and parameter points
   * @param backend the backend the forked JVMs launch meshes with
   * @param projectRoot the checkout whose {@code scenarios/topologies} name the topologies
   * @param resultFile where JMH writes its JSON
   */
  public static Options build(
      CommandLineOptions userOptions,
      boolean quick,
      Backend backend,
      Path projectRoot,
      Path resultFile) {
    ChainedOptionsBuilder builder =
        new OptionsBuilder()
            .parent(userOptions)
            .result(resultFile.toString())
            .resultFormat(ResultFormatType.JSON)
            .jvmArgsAppend(forkJvmArgs(userOptions, backend, projectRoot));
    if (userOptions.getIncludes().isEmpty()) {
      builder.include(JmhRunOptions.class.getPackageName().replace(".", "\\.") + "\\..*");
    }
    if (!userOptions.shouldFailOnError().hasValue()) {
      builder.shouldFailOnError(true);
    }
    if (quick) {
      fillInQuickMode(userOptions, builder);
    }
    return builder.build();
  }

  /**
   * The topologies a run with {@code options} launches: its {@code topology} parameter, else the
   * benchmarks' defaults. Lets the command check them before any JVM forks.
   */
  public static List<String> topologies(Options options) {
    if (options.getParameter(TOPOLOGY_PARAM).hasValue()) {
      return List.copyOf(options.getParameter(TOPOLOGY_PARAM).get());
    }
    try {
      Param defaults =
          RequestReplyBenchmark.class.getField(TOPOLOGY_PARAM).getAnnotation(Param.class);
      return List.of(defaults.value());
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("the benchmarks lost their topology parameter", e);
    }
  }

  private static String[] forkJvmArgs(
      CommandLineOptions userOptions, Backend backend, Path projectRoot) {
    List<String> args = new ArrayList<>();
    if (userOptions.getJvmArgsAppend().hasValue()) {
      args.addAll(userOptions.getJvmArgsAppend().get());
    }
    args.add("-D" + BenchMesh.BACKEND_PROPERTY + "=" + backend.cliName());
    args.add("-Dmeshcheck.root=" + projectRoot.toAbsolutePath().normalize());
    return args.toArray(String[]::new);
  }

  private static void fillInQuickMode(CommandLineOptions user, ChainedOptionsBuilder builder) {
    if (!user.getForkCount().hasValue()) {
      builder.forks(1);
    }
    if (!user.getWarmupIterations().hasValue()) {
      builder.warmupIterations(1);
    }
    if (!user.getWarmupTime().hasValue()) {
      builder.warmupTime(QUICK_ITERATION_TIME);
    }
    if (!user.getMeasurementIterations().hasValue()) {
      builder.measurementIterations(2);
    }
    if (!user.getMeasurementTime().hasValue()) {
      builder.measurementTime(QUICK_ITERATION_TIME);
    }
    fillInParam(user, builder, TOPOLOGY_PARAM, QUICK_TOPOLOGIES);
    fillInParam(user, builder, "payloadBytes", List.of(QUICK_PAYLOAD_BYTES));
    fillInParam(user, builder, "subscriberCount", List.of(QUICK_SUBSCRIBER_COUNT));
  }

  private static void fillInParam(
      CommandLineOptions user,
      ChainedOptionsBuilder builder,
      String name,
      Collection<String> values) {
    if (!user.getParameter(name).hasValue()) {
      builder.param(name, values.toArray(String[]::new));
    }
  }
}
