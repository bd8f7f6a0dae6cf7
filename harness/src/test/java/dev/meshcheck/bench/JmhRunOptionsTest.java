package dev.meshcheck.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.topology.Backend;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

class JmhRunOptionsTest {
  private static final Path ROOT = Path.of("/checkout");
  private static final Path RESULT = Path.of("/checkout/reports/jmh/x/jmh-result.json");

  private static Options build(boolean quick, String... userArgs) throws Exception {
    return JmhRunOptions.build(
        new CommandLineOptions(userArgs), quick, Backend.PROCESSES, ROOT, RESULT);
  }

  @Test
  void quickModeRunsOneShortForkOfEveryBenchmarkOnEveryTopology() throws Exception {
    Options options = build(true);

    assertThat(options.getForkCount().get()).isEqualTo(1);
    assertThat(options.getWarmupIterations().get()).isEqualTo(1);
    assertThat(options.getMeasurementIterations().get()).isEqualTo(2);
    assertThat(options.getMeasurementTime().get()).isEqualTo(TimeValue.seconds(1));
    assertThat(options.getParameter("topology").get())
        .containsExactly("single", "cluster-3", "supercluster-2x3");
    assertThat(options.getParameter("payloadBytes").get()).containsExactly("128");
    assertThat(options.getParameter("subscriberCount").get()).containsExactly("4");
    assertThat(options.getIncludes())
        .as("no benchmark filter: both benchmarks run")
        .containsExactly("dev\\.meshcheck\\.bench\\..*");
  }

  @Test
  void theUsersOwnJmhOptionsWinOverQuickMode() throws Exception {
    Options options = build(true, "-f", "2", "-i", "5", "-p", "topology=cluster-3", "FanOut");

    assertThat(options.getForkCount().get()).isEqualTo(2);
    assertThat(options.getMeasurementIterations().get()).isEqualTo(5);
    assertThat(options.getParameter("topology").get()).containsExactly("cluster-3");
    assertThat(options.getIncludes()).containsExactly("FanOut");
    assertThat(options.getWarmupIterations().get())
        .as("what the user left out still comes from quick mode")
        .isEqualTo(1);
  }

  @Test
  void fullModeLeavesIterationsAndParametersToTheBenchmarkAnnotations() throws Exception {
    Options options = build(false);

    assertThat(options.getForkCount().hasValue()).isFalse();
    assertThat(options.getMeasurementIterations().hasValue()).isFalse();
    assertThat(options.getParameter("topology").hasValue()).isFalse();
    assertThat(JmhRunOptions.topologies(options))
        .containsExactly("single", "cluster-3", "supercluster-2x3");
  }

  @Test
  void forkedJvmsLearnTheBackendAndCheckoutAndKeepTheUsersJvmArgs() throws Exception {
    Options options = build(false, "-jvmArgsAppend", "-Xmx512m");

    assertThat(options.getJvmArgsAppend().get())
        .containsExactly("-Xmx512m", "-Dmeshcheck.backend=processes", "-Dmeshcheck.root=/checkout");
  }

  @Test
  void resultsAreJsonInTheGivenFileAndTheFirstBenchmarkErrorFailsTheRun() throws Exception {
    Options options = build(false);

    assertThat(options.getResult().get()).isEqualTo(RESULT.toString());
    assertThat(options.getResultFormat().get()).isEqualTo(ResultFormatType.JSON);
    assertThat(options.shouldFailOnError().get()).isTrue();
    assertThat(build(false, "-foe", "false").shouldFailOnError().get()).isFalse();
  }

  @Test
  void topologiesAreTheOnesTheUserAskedFor() throws Exception {
    assertThat(JmhRunOptions.topologies(build(false, "-p", "topology=single,leaf-hub")))
        .isEqualTo(List.of("single", "leaf-hub"));
  }
}
