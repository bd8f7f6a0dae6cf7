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
  /** JVM start and mesh probing of three JVMs at once take 10-30 s on the loaded 2-core machine. */
  static final long LEAD_SECONDS = 50;

  private final List<Process> shards = new ArrayList<>();
  private final List<Path> dirs = new ArrayList<>();
  private final Instant startAt;

  private ShardProcesses(Instant startAt) {
    this.startAt = startAt;
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
  }

  /** {@code java -jar harness/target/meshcheck.jar} on this machine. */
  static final Launch LOCAL_JVM =
      (scenario, dir, argsFor) -> {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar().toString()));
        command.addAll(argsFor.apply(scenario.toString(), dir.toString()));
        return command;
      };

  /** Starts {@code count} local JVM shards of {@code scenario} in {@code out/shard-<i>}. */
  static ShardProcesses start(Path scenario, int count, RunningMesh mesh, Path out)
      throws IOException {
    return start(scenario, count, mesh, out, LOCAL_JVM, LEAD_SECONDS);
  }

  /** Starts {@code count} shards of {@code scenario}; their folders are {@code out/shard-<i>}. */
  static ShardProcesses start(
      Path scenario, int count, RunningMesh mesh, Path out, Launch launch, long leadSeconds)
      throws IOException {
    Instant startAt = Instant.now().plusSeconds(leadSeconds).truncatedTo(ChronoUnit.SECONDS);
    ShardProcesses processes = new ShardProcesses(startAt);
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

  private static String urls(RunningMesh mesh, java.util.function.Function<MeshNode, String> url) {
    return mesh.nodes().stream().map(url).collect(Collectors.joining(","));
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Override
  public void close() {
    for (Process shard : shards) {
      shard.destroyForcibly();
    }
  }
}
