package dev.meshcheck.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code java -jar harness/target/meshcheck.jar jmh --quick} as a user would, so the shaded
 * jar's benchmark list, its forked JVMs and every benchmark on every topology are checked in CI and
 * cannot rot. Asserts that results exist and are consistent, never on how fast they are.
 */
@Tag("quiet") // benchmarks, in forked JVMs that take both cores: run alone (harness/pom.xml)
class JmhQuickIT {
  private static final long RUN_TIMEOUT_SECONDS = 150;
  private static final int QUICK_SUBSCRIBERS =
      Integer.parseInt(JmhRunOptions.QUICK_SUBSCRIBER_COUNT);

  @TempDir static Path outFolder;
  private static int exitCode;
  private static String output;
  private static JsonNode results;

  @BeforeAll
  static void runQuickModeFromTheShadedJar() throws Exception {
    Path root = Path.of(System.getProperty("meshcheck.root", "..")).toAbsolutePath().normalize();
    Path jar = root.resolve("harness/target/meshcheck.jar");
    assertThat(jar).as("the shaded jar (Failsafe runs after package)").isRegularFile();
    Path log = outFolder.resolve("jmh-output.txt");
    Process jmh =
        new ProcessBuilder(
                javaBinary(),
                "-jar",
                jar.toString(),
                "jmh",
                "--quick",
                "--backend",
                System.getProperty("meshcheck.backend", "auto"),
                "--out",
                outFolder.toString())
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      boolean finished = jmh.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      output = Files.readString(log);
      assertThat(finished)
          .as("quick mode finished within %d s:%n%s", RUN_TIMEOUT_SECONDS, tail())
          .isTrue();
    } finally {
      stop(jmh);
    }
    exitCode = jmh.exitValue();
    Path json = outFolder.resolve("jmh-result.json");
    results = Files.isRegularFile(json) ? new ObjectMapper().readTree(json.toFile()) : null;
  }

  @Test
  void quickModeSucceedsAndWritesJmhJson() {
    assertThat(exitCode).as("exit code; output:%n%s", tail()).isZero();
    assertThat(results).as("jmh-result.json in %s", outFolder).isNotNull();
  }

  @Test
  void requestLatencyHasPositiveScoreAndPercentilesOnEveryTopology() {
    for (String topology : JmhRunOptions.QUICK_TOPOLOGIES) {
      JsonNode primary = resultFor("RequestReplyBenchmark.request", topology).path("primaryMetric");
      JsonNode percentiles = primary.path("scorePercentiles");

      assertThat(primary.path("score").asDouble()).as("mean µs on %s", topology).isPositive();
      assertThat(primary.path("scoreUnit").asText()).isEqualTo("us/op");
      assertThat(percentiles.path("50.0").asDouble())
          .as("p50 <= p99 on %s", topology)
          .isPositive()
          .isLessThanOrEqualTo(percentiles.path("99.0").asDouble());
    }
  }

  @Test
  void fanOutDeliversEveryMessageToEverySubscriberOnEveryTopology() {
    for (String topology : JmhRunOptions.QUICK_TOPOLOGIES) {
      JsonNode result = resultFor("FanOutBenchmark.publish", topology);
      double publishedPerSecond = result.path("primaryMetric").path("score").asDouble();
      double deliveredPerSecond =
          result.path("secondaryMetrics").path("delivered").path("score").asDouble();

      assertThat(publishedPerSecond).as("published msgs/s on %s", topology).isPositive();
      // Up to one window of messages may be in flight at either end of an iteration: hence 20%.
      assertThat(deliveredPerSecond / publishedPerSecond)
          .as("copies delivered per message published on %s", topology)
          .isBetween(QUICK_SUBSCRIBERS * 0.8, QUICK_SUBSCRIBERS * 1.2);
    }
  }

  private static JsonNode resultFor(String benchmark, String topology) {
    assertThat(results).as("jmh-result.json; output:%n%s", tail()).isNotNull();
    List<String> seen = new ArrayList<>();
    for (JsonNode result : results) {
      String name = result.path("benchmark").asText();
      String resultTopology = result.path("params").path("topology").asText();
      if (name.endsWith(benchmark) && resultTopology.equals(topology)) {
        return result;
      }
      seen.add(name + "[" + resultTopology + "]");
    }
    throw new AssertionError("no result for " + benchmark + " on " + topology + "; got " + seen);
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String tail() {
    return output == null ? "" : output.substring(Math.max(0, output.length() - 4000));
  }

  private static void stop(Process jmh) throws InterruptedException {
    if (jmh.isAlive()) {
      // SIGTERM first: the forked JVM's shutdown hooks stop the nats-servers of its trial.
      jmh.destroy();
      if (!jmh.waitFor(15, TimeUnit.SECONDS)) {
        jmh.destroyForcibly().waitFor();
      }
    }
  }
}
