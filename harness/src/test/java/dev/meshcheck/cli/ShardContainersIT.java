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

  /** Three containers starting a JVM each on the loaded machine need more than local JVMs. */
  static final long LEAD_SECONDS = 90;

  @TempDir Path dir;

  @Test
  void threeShardsInContainersMergeIntoTheWholeWorkloadWithNothingLost() throws Exception {
    Assumptions.assumeTrue(dockerAnswers(), "docker does not answer");
    buildImage();
    String run = "meshcheck-shard-it-" + ProcessHandle.current().pid();
    List<String> containers = new ArrayList<>();
    ShardProcesses.Launch inContainer =
        (scenario, shardDir, argsFor) -> {
          String name = run + "-" + shardDir.getFileName();
          containers.add(name);
          List<String> command =
              new ArrayList<>(
                  List.of(
                      "docker",
                      "run",
                      "--rm",
                      "--name",
                      name,
                      // No dev.meshcheck label: meshes' reapers would take these containers,
                      // which carry no owner, for orphans. They are removed by name below.
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
        };
    Path scenario = ShardProcesses.root().resolve(ShardedRunIT.SCENARIO);
    Backend backend = Backend.parse(System.getProperty("meshcheck.backend", "auto"));
    List<Path> shardDirs;
    try (RunningMesh mesh =
            MeshLaunchers.forBackend(backend, LauncherSettings.fromEnvironment())
                .launch(TopologyFiles.resolve("cluster-3", ProjectLayout.discover()));
        ShardProcesses shards =
            ShardProcesses.start(scenario, 3, mesh, dir, inContainer, LEAD_SECONDS)) {
      assertThat(shards.awaitAll(300)).allMatch(code -> code == 0 || code == 1);
      shardDirs = shards.dirs();
    } finally {
      for (String name : containers) {
        new ProcessBuilder("docker", "rm", "-f", name).start().waitFor(60, TimeUnit.SECONDS);
      }
    }
    List<String> args = new ArrayList<>(List.of("merge"));
    shardDirs.forEach(d -> args.add(d.toString()));
    args.addAll(List.of("--out", dir.resolve("merged").toString()));
    assertThat(Main.run(args.toArray(String[]::new)))
        .as("merged; the shards said:%n%s", logs())
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

  private String logs() throws java.io.IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      Path log = dir.resolve("shard-" + i + ".log");
      text.append(Files.isRegularFile(log) ? Files.readString(log) : "(no log of shard " + i + ")");
    }
    return text.toString();
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
