package dev.meshcheck.cli;

import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.scenario.TopologyFiles;
import dev.meshcheck.topology.MeshLauncher;
import dev.meshcheck.topology.MeshNode;
import dev.meshcheck.topology.RunningMesh;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meshcheck up <topology>}: starts a mesh, prints its nodes, holds it until Ctrl-C. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = "Start a mesh, print its nodes and hold it until Ctrl-C / SIGTERM.")
final class UpCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "topology name (scenarios/topologies/<name>.yaml) or file")
  String topologyName;

  @Mixin MeshOptions mesh;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Topology topology = TopologyFiles.resolve(topologyName, ProjectLayout.discover());
    PrintWriter out = spec.commandLine().getOut();
    // Made before the clock starts: making it removes what killed runs left, which is no part of
    // how long this mesh takes to be ready.
    MeshLauncher launcher = mesh.launcher();
    long startNanos = System.nanoTime();
    CountDownLatch released = new CountDownLatch(1);
    try (RunningMesh running = launcher.launch(topology)) {
      long readyMillis = (System.nanoTime() - startNanos) / 1_000_000;
      for (MeshNode node : running.nodes()) {
        out.printf(
            "node %s cluster=%s client=%s monitor=%s%n",
            node.name(), node.clusterName(), node.clientUrl(), node.monitorUrl());
      }
      out.printf(
          "backend=%s server=%s%nready in %d ms; Ctrl-C stops the mesh%n",
          running.backend().cliName(), running.serverVersion(), readyMillis);
      out.flush();
      // The shutdown hook below releases the hold; the mesh's own hook closes it on the way out.
      Thread release = new Thread(released::countDown, "meshcheck-up-release");
      Runtime.getRuntime().addShutdownHook(release);
      released.await();
    }
    return ExitCodes.OK;
  }
}
