package dev.meshcheck.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's open-loop comparison, {@code scripts/compare-refbench.sh ROUNDS open}, as a
 * user would, shortened (one round, one low rate, seconds instead of tens): the script, refbench's
 * build, both sides' runs and the medians must keep working. Asserts that every figure is there,
 * never how large it is (a benchmark, not a timed assertion).
 */
class CompareRefbenchScriptIT {
  private static final long RUN_TIMEOUT_SECONDS = 600;
  private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

  /** The open shapes in seconds: one rate, a slow fan-out, the default client only. */
  private static final Map<String, String> SHORT_OPEN =
      Map.of(
          "RATES", "2000",
          "FANOUT_RATE", "5000",
          "OPEN_CLIENTS", "wire",
          "OPEN_WARMUP", "1",
          "OPEN_SECONDS", "3",
          "CPU_WINDOW", "1");

  /** The max shapes with 50,000 messages instead of a million (4.5 min a round otherwise). */
  private static final Map<String, String> SHORT_MAX =
      Map.of(
          "MAX_MESSAGES", "50000",
          "CLOSED_REQUESTS", "2000",
          "MAX_CLIENTS", "wire",
          "OPEN_WARMUP", "1",
          "OPEN_SECONDS", "2");

  @TempDir Path work;

  @Test
  void openLoopShapesPrintEachRoundAndTheMediansOfBothSides() throws Exception {
    Path root = Path.of(System.getProperty("meshcheck.root", "..")).toAbsolutePath().normalize();
    assumeRefbenchCanRun(root);

    String output = runScript(root, SHORT_OPEN, "1", "open");

    assertThat(row(output, "reqrep-open 2000/s", "refbench"))
        .as("refbench's round: p50, p99 and CPU per request%n%s", output)
        .hasSizeGreaterThanOrEqualTo(3)
        .allMatch(f -> NUMBER.matcher(f).matches());
    assertThat(row(output, "reqrep-open 2000/s", "wire"))
        .as("meshcheck's round on the default client%n%s", output)
        .hasSizeGreaterThanOrEqualTo(3)
        .allMatch(f -> NUMBER.matcher(f).matches());
    assertThat(row(output, "fan-out 1x4 5000/s", "wire"))
        .as("the fixed-rate fan-out round%n%s", output)
        .hasSizeGreaterThanOrEqualTo(3)
        .allMatch(f -> NUMBER.matcher(f).matches());
    assertThat(output)
        .as("the medians, with meshcheck/refbench ratios")
        .contains("medians over 1 rounds")
        .containsPattern(
            "reqrep-open 2000/s +wire +p50 +[\\d.]+ +p99 +[\\d.]+ +cpu +[\\d.]+ +ratio");
  }

  private static void assumeRefbenchCanRun(Path root) {
    assumeTrue(onPath("nats-server") || Files.isExecutable(Path.of("/usr/sbin/nats-server")));
    assumeTrue(
        Files.isExecutable(Path.of("/tmp/refbench"))
            || (onPath("go") && Files.isDirectory(root.resolve("../shared/refbench"))),
        "refbench needs a build at /tmp/refbench, or Go and its source in ../shared/refbench");
    assertThat(root.resolve("harness/target/meshcheck.jar"))
        .as("the shaded jar (Failsafe runs after package)")
        .isRegularFile();
  }

  /** The three figures (p50, p99, CPU) of the round-1 line for {@code shape} and {@code side}. */
  private static List<String> row(String output, String shape, String side) {
    Pattern line =
        Pattern.compile(
            "^1 +" + Pattern.quote(shape) + " +" + Pattern.quote(side) + " +(\\S+) +(\\S+) +(\\S+)",
            Pattern.MULTILINE);
    Matcher m = line.matcher(output);
    return m.find() ? List.of(m.group(1), m.group(2), m.group(3)) : List.of();
  }

  @Test
  void maxShapesPrintEachRoundAndTheMediansOfBothSides() throws Exception {
    Path root = Path.of(System.getProperty("meshcheck.root", "..")).toAbsolutePath().normalize();
    assumeRefbenchCanRun(root);

    String output = runScript(root, SHORT_MAX, "1", "max");

    for (String figure :
        List.of(
            "fanout-1x4 wire delivered msgs/s",
            "pubsub-1x1 wire delivered msgs/s",
            "req-reply closed wire p50 us")) {
      assertThat(output)
          .as("round 1 and the median of %s, both sides and their ratio%n%s", figure, output)
          .containsPattern("(?m)^1 +" + Pattern.quote(figure) + " +[\\d.]+ +[\\d.]+ +[\\d.]+ +\\(")
          .containsPattern(
              "(?m)^"
                  + Pattern.quote(figure)
                  + " +refbench +\\d+ +meshcheck +\\d+ +ratio +[\\d.]+");
    }
    assertThat(output)
        .as("fan-out and pub/sub lose nothing; the peak heap is read from the report")
        .containsPattern("peak heap <= [1-9]\\d* MiB, lost 0\\)");
    assertThat(output)
        .as("the open-loop run of the max shapes")
        .containsPattern("(?m)^1 +open loop 20000 req/s wire +- +[\\d.]+ +status=(passed|invalid)");
  }

  private String runScript(Path root, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path log = work.resolve("compare-refbench.txt");
    ProcessBuilder builder =
        new ProcessBuilder(
                concat(
                    List.of("bash", root.resolve("scripts/compare-refbench.sh").toString()), args))
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put("REFBENCH", refbench().toString());
    Process script = builder.start();
    try {
      boolean finished = script.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      String output = Files.readString(log);
      assertThat(finished).as("finished within %d s:%n%s", RUN_TIMEOUT_SECONDS, output).isTrue();
      assertThat(script.exitValue()).as("exit code:%n%s", output).isZero();
      return output;
    } finally {
      stop(script);
    }
  }

  /** An existing build of refbench, else a path the script builds it to. */
  private Path refbench() {
    Path shared = Path.of("/tmp/refbench");
    return Files.isExecutable(shared) ? shared : work.resolve("refbench");
  }

  private static List<String> concat(List<String> head, String... tail) {
    return Stream.concat(head.stream(), Arrays.stream(tail)).toList();
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Arrays.stream(path.split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }

  /** The script's trap stops its nats-server when the script ends; TERM lets it run. */
  private static void stop(Process script) throws InterruptedException {
    if (script.isAlive()) {
      script.descendants().forEach(ProcessHandle::destroy);
      script.destroy();
      if (!script.waitFor(10, TimeUnit.SECONDS)) {
        script.descendants().forEach(ProcessHandle::destroyForcibly);
        script.destroyForcibly().waitFor();
      }
    }
  }
}
