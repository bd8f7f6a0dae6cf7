package dev.meshcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One {@code java -jar meshcheck.jar <command>} that a test starts, kills with SIGKILL as soon as
 * its mesh is up, and whose remains it keeps: the servers, run folders, containers and networks
 * that outlived it. Closing it kills the JVMs if they still run.
 */
final class KilledHarness implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;
  private MeshRemains remains;

  private KilledHarness(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code meshcheck <args>} with its temp folder (where the processes backend puts its run
   * folders) in {@code tmp}, its output in {@code dir/<name>.log}.
   */
  static KilledHarness start(String name, Path tmp, Path dir, List<String> args)
      throws IOException {
    Path log = dir.resolve(name + ".log");
    List<String> command = new ArrayList<>(jarCommand(tmp));
    command.addAll(args);
    Process process =
        new ProcessBuilder(command)
            .directory(ShardProcesses.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new KilledHarness(name, process, log);
  }

  /** {@code java -Djava.io.tmpdir=<tmp> -jar meshcheck.jar}: JMH passes the property to forks. */
  static List<String> jarCommand(Path tmp) {
    return List.of(
        ShardProcesses.javaBinary(),
        "-Djava.io.tmpdir=" + tmp,
        "-jar",
        ShardProcesses.jar().toString());
  }

  String name() {
    return name;
  }

  /**
   * Kills the harness (SIGKILL, its JMH fork too) once every server of its mesh answers; returns
   * false while they do not yet. Its servers are left running, which is the point.
   *
   * @throws AssertionError when the harness exited before its mesh was up
   */
  boolean killOnceMeshIsUp() throws IOException {
    if (remains != null) {
      return true;
    }
    if (!process.isAlive()) {
      throw new AssertionError(name + " exited before its mesh was up:\n" + output());
    }
    Set<Long> jvms = MeshRemains.jvmsOf(process);
    MeshRemains found = MeshRemains.ofOwners(jvms);
    if (!found.ready()) {
      return false;
    }
    // The fork first: a JMH fork whose host died closes its own mesh, which is not a kill -9.
    process
        .descendants()
        .filter(p -> jvms.contains(p.pid()))
        .forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    remains = found;
    return true;
  }

  /** What outlived the kill; set by {@link #killOnceMeshIsUp}. */
  MeshRemains remains() {
    return remains;
  }

  void awaitExit() throws InterruptedException {
    process.waitFor(10, TimeUnit.SECONDS);
  }

  String output() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  @Override
  public void close() {
    process
        .descendants()
        .forEach(
            p -> {
              if (p.info().command().orElse("").endsWith("java")) {
                p.destroyForcibly();
              }
            });
    process.destroyForcibly();
  }
}
