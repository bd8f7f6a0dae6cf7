package dev.meshcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.topology.MeshNode;
import dev.meshcheck.topology.RunningMesh;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Starts the shards of a run as separate {@code java -jar meshcheck.jar run --shard i/N} processes
 * against one running mesh, as a Kubernetes Indexed Job would on several machines. Closing it kills
 * any shard still running.
 */
final class ShardProcesses implements AutoCloseable {
  /**
   * The first lead: three JVMs at once start and probe the mesh in a few seconds on a quiet 2-core
   * machine, 10-30 s on a loaded one; {@link #runOnTime} doubles it when a shard was late.
   */
  static final long FIRST_LEAD_SECONDS = 15;

  /** How many times {@link #runOnTime} starts the shards before a late shard fails the test. */
  private static final int ATTEMPTS = 3;

  /** What a shard says when it was ready only after the shared start (LoadRun). */
  private static final String LATE = "after the shared start";

  private final List<Process> shards = new ArrayList<>();
  private final List<Path> dirs = new ArrayList<>();
  private final Instant startAt;

  private final Path out;
  private final Launch launch;

  private ShardProcesses(Instant startAt, Path out, Launch launch) {
    this.startAt = startAt;
    this.out = out;
    this.launch = launch;
  }

  static Path root() {
    return Path.of(System.getProperty("meshcheck.root", "..")).toAbsolutePath().normalize();
  }

  static Path jar() {
    Path jar = root().resolve("harness/target/meshcheck.jar");
    assertThat(jar).as("the shaded jar (Failsafe runs after package)").isRegularFile();
    return jar;
  }

  /** How a shard is started: the command that runs {@code meshcheck <args>}. */
  interface Launch {
    /**
     * @param scenario the scenario file on this machine
     * @param shardDir where the shard writes its run folder on this machine
     * @param argsFor the meshcheck arguments, given the scenario and folder as the shard sees them
     */
    List<String> command(
        Path scenario,
        Path shardDir,
        java.util.function.BiFunction<String, String, List<String>> argsFor);

    /** Stops what the command started beyond its own process (a container), if anything. */
    default void stop(Path shardDir) throws IOException, InterruptedException {}
  }

  /** {@code java -jar harness/target/meshcheck.jar} on this machine. */
  static final Launch LOCAL_JVM =
      (scenario, dir, argsFor) -> {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar().toString()));
        command.addAll(argsFor.apply(scenario.toString(), dir.toString()));
        return command;
      };

  /** What a test does with shards that have been started: wait for them, kill one. */
  interface Work<T> {
    T on(ShardProcesses shards) throws Exception;
  }

  /**
   * Starts {@code count} shards of {@code scenario} {@code firstLeadSeconds} ahead of their shared
   * start and hands them to {@code work}; when a shard was ready only after the shared start,
   * starts them all again with twice the lead, up to {@value #ATTEMPTS} times. A lead long enough
   * for the slowest machine would be waited out on every run; this one costs more only where it is
   * needed. Every attempt has its own folder under {@code out}; the shards are killed when {@code
   * work} returns.
   */
  static <T> T runOnTime(
      Path scenario,
      int count,
      RunningMesh mesh,
      Path out,
      Launch launch,
      long firstLeadSeconds,
      Work<T> work)
      throws Exception {
    long leadSeconds = firstLeadSeconds;
    for (int attempt = 1; ; attempt++, leadSeconds *= 2) {
      Path attemptDir = out.resolve("lead-" + leadSeconds + "s");
      try (ShardProcesses shards = start(scenario, count, mesh, attemptDir, launch, leadSeconds)) {
        try {
          T result = work.on(shards);
          if (!shards.anyLate()) {
            return result;
          }
        } catch (AssertionError e) {
          if (!shards.anyLate()) {
            throw e;
          }
        }
        if (attempt == ATTEMPTS) {
          throw new AssertionError(
              "a shard was ready only after the shared start, with a lead of "
                  + leadSeconds
                  + " s:\n"
                  + shards.logs());
        }
        System.out.printf(
            "a shard was late with a lead of %d s; starting again with %d s%n",
            leadSeconds, 2 * leadSeconds);
      }
    }
  }

  /** {@link #runOnTime} with local JVM shards. */
  static <T> T runOnTime(Path scenario, int count, RunningMesh mesh, Path out, Work<T> work)
      throws Exception {
    return runOnTime(scenario, count, mesh, out, LOCAL_JVM, FIRST_LEAD_SECONDS, work);
  }

  /** Starts {@code count} shards of {@code scenario}; their folders are {@code out/shard-<i>}. */
  private static ShardProcesses start(
      Path scenario, int count, RunningMesh mesh, Path out, Launch launch, long leadSeconds)
      throws IOException {
    Instant startAt = Instant.now().plusSeconds(leadSeconds).truncatedTo(ChronoUnit.SECONDS);
    ShardProcesses processes = new ShardProcesses(startAt, out, launch);
    java.nio.file.Files.createDirectories(out);
    for (int i = 0; i < count; i++) {
      Path dir = out.resolve("shard-" + i);
      String shard = i + "/" + count;
      List<String> command =
          launch.command(
              scenario,
              dir,
              (scenarioSeen, dirSeen) ->
                  List.of(
                      "run",
                      scenarioSeen,
                      "--shard",
                      shard,
                      "--start-at",
                      startAt.toString(),
                      "--url",
                      urls(mesh, MeshNode::clientUrl),
                      "--monitor-url",
                      urls(mesh, n -> n.monitorUrl().toString()),
                      "--out",
                      dirSeen));
      processes.dirs.add(dir);
      processes.shards.add(
          new ProcessBuilder(command)
              .directory(root().toFile())
              .redirectErrorStream(true)
              .redirectOutput(out.resolve("shard-" + i + ".log").toFile())
              .start());
    }
    return processes;
  }

  Instant startAt() {
    return startAt;
  }

  List<Path> dirs() {
    return List.copyOf(dirs);
  }

  Process shard(int index) {
    return shards.get(index);
  }

  /** Waits for every shard to exit; returns their exit codes. */
  List<Integer> awaitAll(long timeoutSeconds) throws InterruptedException {
    List<Integer> codes = new ArrayList<>();
    for (Process shard : shards) {
      assertThat(shard.waitFor(timeoutSeconds, TimeUnit.SECONDS))
          .as("shard exited within %d s", timeoutSeconds)
          .isTrue();
      codes.add(shard.exitValue());
    }
    return codes;
  }

  /** Every shard's output so far, for failure messages. */
  String logs() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < shards.size(); i++) {
      text.append(log(i).orElse("(no log of shard " + i + ")"));
    }
    return text.toString();
  }

  private boolean anyLate() {
    for (int i = 0; i < shards.size(); i++) {
      if (log(i).filter(text -> text.contains(LATE)).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private java.util.Optional<String> log(int index) {
    try {
      return java.util.Optional.of(
          java.nio.file.Files.readString(out.resolve("shard-" + index + ".log")));
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  private static String urls(RunningMesh mesh, java.util.function.Function<MeshNode, String> url) {
    return mesh.nodes().stream().map(url).collect(Collectors.joining(","));
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    for (Process shard : shards) {
      shard.destroyForcibly();
    }
    for (Path dir : dirs) {
      launch.stop(dir);
    }
  }
}
