package dev.meshcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.report.RunReportReader;
import dev.meshcheck.result.RunStatus;
import dev.meshcheck.result.WorkloadResult;
import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.TopologyFiles;
import dev.meshcheck.topology.Backend;
import dev.meshcheck.topology.LauncherSettings;
import dev.meshcheck.topology.MeshLaunchers;
import dev.meshcheck.topology.RunningMesh;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same three shards as {@link ShardedRunIT}, each in a container of the meshcheck image ({@code
 * docker/build-meshcheck-image.sh}, built here from the shaded jar), as the Indexed Job would run
 * them: the scenario mounted read-only at {@code /meshcheck/scenarios}, results written to a shared
 * folder at {@code /results}, merged on the host.
 */
class ShardContainersIT {
  static final String IMAGE = "meshcheck/meshcheck:local";

  /** Three containers starting a JVM each need more than local JVMs. */
  static final long FIRST_LEAD_SECONDS = 30;

  @TempDir Path dir;

  @Test
  void threeShardsInContainersMergeIntoTheWholeWorkloadWithNothingLost() throws Exception {
    Assumptions.assumeTrue(dockerAnswers(), "docker does not answer");
    buildImage();
    Path scenario = ShardProcesses.root().resolve(ShardedRunIT.SCENARIO);
    Backend backend = Backend.parse(System.getProperty("meshcheck.backend", "auto"));
    StringBuilder logs = new StringBuilder();
    List<Path> shardDirs;
    try (RunningMesh mesh =
        MeshLaunchers.forBackend(backend, LauncherSettings.fromEnvironment())
            .launch(TopologyFiles.resolve("cluster-3", ProjectLayout.discover()))) {
      shardDirs =
          ShardProcesses.runOnTime(
              scenario,
              3,
              mesh,
              dir,
              new InContainers("meshcheck-shard-it-" + ProcessHandle.current().pid()),
              FIRST_LEAD_SECONDS,
              shards -> {
                List<Integer> exits = shards.awaitAll(300);
                logs.append(shards.logs());
                assertThat(exits).as(logs.toString()).allMatch(code -> code == 0 || code == 1);
                return shards.dirs();
              });
    }
    List<String> args = new ArrayList<>(List.of("merge"));
    shardDirs.forEach(d -> args.add(d.toString()));
    args.addAll(List.of("--out", dir.resolve("merged").toString()));
    assertThat(Main.run(args.toArray(String[]::new)))
        .as("merged; the shards said:%n%s", logs)
        .isIn(ExitCodes.OK, ExitCodes.FAILED);

    WorkloadResult whole = RunReportReader.read(dir.resolve("merged")).workload();
    assertThat(RunReportReader.read(dir.resolve("merged")).status())
        .isIn(RunStatus.PASSED, RunStatus.INVALID);
    assertThat(whole.counts().sent()).isEqualTo(18_000);
    assertThat(whole.counts().received()).isEqualTo(3 * 18_000);
    assertThat(whole.counts().lost()).isZero();
    assertThat(whole.placement().handledPerReceiver())
        .containsOnlyKeys("shard0-subscriber-1", "shard1-subscriber-2", "shard2-subscriber-3");
  }

  /**
   * Each shard in a container of the meshcheck image, as the Indexed Job would run it, named for
   * the run, the attempt and the shard so that a later attempt does not meet an earlier one's.
   */
  private static final class InContainers implements ShardProcesses.Launch {
    private final String run;

    InContainers(String run) {
      this.run = run;
    }

    private String name(Path shardDir) {
      return run + "-" + shardDir.getParent().getFileName() + "-" + shardDir.getFileName();
    }

    @Override
    public List<String> command(
        Path scenario,
        Path shardDir,
        java.util.function.BiFunction<String, String, List<String>> argsFor) {
      List<String> command =
          new ArrayList<>(
              List.of(
                  "docker",
                  "run",
                  "--rm",
                  "--name",
                  name(shardDir),
                  // No dev.meshcheck label: meshes' reapers would take these containers, which
                  // carry no owner, for orphans. They are removed by name (stop).
                  // The shards reach the mesh as the host does (loopback or container
                  // addresses), as pods reach a mesh's service.
                  "--network",
                  "host",
                  "-v",
                  scenario.getParent() + ":/meshcheck/scenarios:ro",
                  "-v",
                  shardDir.getParent() + ":/results",
                  IMAGE));
      command.addAll(
          argsFor.apply(
              "/meshcheck/scenarios/" + scenario.getFileName(),
              "/results/" + shardDir.getFileName()));
      return command;
    }

    /** Killing the docker client leaves its container running: remove it by name. */
    @Override
    public void stop(Path shardDir) throws IOException, InterruptedException {
      new ProcessBuilder("docker", "rm", "-f", name(shardDir))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(60, TimeUnit.SECONDS);
    }
  }

  private static void buildImage() throws Exception {
    Path log = Files.createTempFile("meshcheck-image", ".log");
    Process build =
        new ProcessBuilder("bash", "docker/build-meshcheck-image.sh")
            .directory(ShardProcesses.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(build.waitFor(15, TimeUnit.MINUTES)).as("image built in time").isTrue();
    assertThat(build.exitValue()).as(Files.readString(log)).isZero();
  }

  private static boolean dockerAnswers() {
    try {
      Process info = new ProcessBuilder("docker", "info").redirectErrorStream(true).start();
      info.getInputStream().readAllBytes();
      return info.waitFor(30, TimeUnit.SECONDS) && info.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
