package dev.meshcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.meshcheck.topology.LauncherSettings;
import dev.meshcheck.topology.MeshLaunchers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the harness in the middle of {@code up}, {@code run}, {@code check} and {@code
 * jmh}, on both backends: the servers, run folders, containers and networks the dead run left are
 * removed by the next start, whichever command and backend that start uses, and it says so on
 * stderr.
 *
 * <p>A chain of starts from the jar: each command is killed (SIGKILL) as soon as every server of
 * its mesh says it is ready, its remains are checked to outlive it, and the next command in the
 * chain, on the other backend, must name on stderr and remove all of them before its own mesh is
 * up. Then it is killed in turn:
 *
 * <pre>
 * step | killed          | its remains removed by the start of
 * -----+-----------------+------------------------------------
 *   1  | up    processes | check containers
 *   2  | check containers| run   processes
 *   3  | run   processes | jmh   containers
 *   4  | jmh   containers| check processes
 *   5  | check processes | up    containers
 *   6  | up    containers| jmh   processes
 *   7  | jmh   processes | run   containers
 *   8  | run   containers| up    processes (stopped with SIGTERM once ready)
 * </pre>
 *
 * So every command is killed on each backend, every command is a "next start" on each backend
 * ({@code up} twice), and each backend's start removes the other backend's kind of leftover (its
 * own kind is {@code ProcessLifecycleIT}'s and {@code ContainerReaperIT}'s). For {@code jmh} the
 * benchmark's forked JVM, which owns the mesh, is killed too, as a {@code kill -9} of the process
 * group does. Processes-backend run folders go to a temp folder of this test ({@code
 * -Djava.io.tmpdir}), so that harnesses that other tests start on the machine do not reap them
 * first; containers have no such fence.
 */
// Alone (harness/pom.xml): any other test's launch also removes a killed JVM's leftovers, and
// may do so before the start this test asks to name them.
@Tag("quiet")
class KillNineIT {
  private static final long MESH_UP_SECONDS = 90;
  private static final long NEXT_START_SECONDS = 90;

  @TempDir Path dir;

  @Test
  void eachStartRemovesWhatTheRunKilledBeforeItLeftAndSaysSo() throws Exception {
    assumeTrue(
        MeshLaunchers.containersUnavailableReason(LauncherSettings.fromEnvironment()).isEmpty(),
        "both backends are needed");
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    List<List<String>> chain =
        List.of(
            up("processes"),
            check("containers"),
            run("processes"),
            jmh("containers"),
            check("processes"),
            up("containers"),
            jmh("processes"),
            run("containers"));
    List<KilledHarness> started = new ArrayList<>();
    try {
      KilledHarness previous = null;
      for (List<String> args : chain) {
        long startNanos = System.nanoTime();
        KilledHarness harness = KilledHarness.start(name(args), tmp, dir, args);
        started.add(harness);
        awaitMeshUpAndKill(harness);
        System.out.printf(
            "%s: killed %d ms after its start; left %s%n",
            harness.name(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
            harness.remains().asRemovalLines());
        if (previous != null) {
          assertRemoved(previous, harness.output(), harness.name());
        }
        harness.awaitExit();
        assertThat(harness.remains().stillThere().asRemovalLines())
            .as("what %s left right after kill -9 (its servers outlive it)", harness.name())
            .isNotEmpty()
            .isEqualTo(harness.remains().asRemovalLines());
        previous = harness;
      }
      assertRemoved(previous, upAndStop("processes", tmp), "the last start, up processes");
    } finally {
      for (KilledHarness harness : started) {
        harness.close();
        if (harness.remains() != null) {
          harness.remains().removeWhatIsLeft();
        }
      }
    }
  }

  private static void assertRemoved(KilledHarness killed, String nextOutput, String next) {
    assertThat(nextOutput)
        .as("what %s said it removed of %s", next, killed.name())
        .contains(killed.remains().asRemovalLines());
    assertThat(killed.remains().stillThere().asRemovalLines())
        .as("what is left of %s after %s started", killed.name(), next)
        .isEmpty();
  }

  /** {@code up-processes} for {@code [up, single, --backend, processes]}. */
  private static String name(List<String> args) {
    return args.get(0) + "-" + args.get(args.indexOf("--backend") + 1);
  }

  private static void awaitMeshUpAndKill(KilledHarness harness) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MESH_UP_SECONDS);
    while (!harness.killOnceMeshIsUp()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            harness.name()
                + "'s mesh never came up within "
                + MESH_UP_SECONDS
                + " s:\n"
                + harness.output());
      }
      Thread.sleep(100);
    }
  }

  /** {@code meshcheck up single}, stopped (SIGTERM) once ready; returns all it printed. */
  private String upAndStop(String backend, Path tmp) throws Exception {
    Path log = dir.resolve("next-start.log");
    List<String> command = new ArrayList<>(KilledHarness.jarCommand(tmp));
    command.addAll(up(backend));
    Process up =
        new ProcessBuilder(command)
            .directory(ShardProcesses.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(NEXT_START_SECONDS);
      while (!Files.readString(log).contains("ready in") && System.nanoTime() < deadline) {
        assertThat(up.isAlive()).as("next start still runs:\n%s", Files.readString(log)).isTrue();
        Thread.sleep(100);
      }
      assertThat(Files.readString(log)).as("the next start became ready").contains("ready in");
      up.destroy();
      assertThat(up.waitFor(30, TimeUnit.SECONDS)).as("the next start stops on SIGTERM").isTrue();
      return Files.readString(log);
    } finally {
      up.destroyForcibly();
    }
  }

  private static List<String> up(String backend) {
    return List.of("up", "single", "--backend", backend);
  }

  private List<String> run(String backend) throws IOException {
    Path scenario =
        Files.writeString(
            dir.resolve("killed-" + backend + ".yaml"),
            "name: killed\ntopology: single\nworkload: { kind: request-reply, subject: svc.k,"
                + " service: { members: 1 }, clients: 1, rate: 100/s, warmup: 1s, duration: 300s"
                + " }\n");
    return List.of(
        "run",
        scenario.toString(),
        "--backend",
        backend,
        "--out",
        dir.resolve("run-" + backend).toString());
  }

  private List<String> check(String backend) throws IOException {
    Path feature =
        Files.writeString(
            dir.resolve("killed-" + backend + ".feature"),
            "Feature: killed\n  Scenario: one message\n    Given a \"single\" mesh\n"
                + "    Given a subscriber \"s\" on node 1 listening to \"k.>\"\n"
                + "    When a publisher on node 1 sends 1 messages to \"k.x\"\n"
                + "    Then \"s\" receives exactly 1 messages\n");
    return List.of(
        "check",
        feature.toString(),
        "--backend",
        backend,
        "--out",
        dir.resolve("check-" + backend).toString());
  }

  /** One long warm-up iteration on one mesh: the kill comes long before the trial ends. */
  private List<String> jmh(String backend) {
    return List.of(
        "jmh",
        "--backend",
        backend,
        "--out",
        dir.resolve("jmh-" + backend).toString(),
        "-f",
        "1",
        "-wi",
        "1",
        "-w",
        "300s",
        "-i",
        "1",
        "-p",
        "topology=single",
        "-p",
        "payloadBytes=128",
        "RequestReplyBenchmark");
  }
}
