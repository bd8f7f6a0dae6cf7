package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A processes launch tries again with new ports only when a node could not bind one: what the real
 * nats-server says then is recognised, and a config it refuses is not taken for that.
 */
class PortTakenIT {
  @Test
  void aServerWhosePortIsTakenIsRecognisedAndARefusedConfigIsNot() throws Exception {
    Path natsServer = LauncherSettings.fromEnvironment().natsServerBinary().orElse(null);
    assumeTrue(natsServer != null, "needs nats-server");

    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String words =
          serverOutput(natsServer, "-a", "127.0.0.1", "-p", String.valueOf(taken.getLocalPort()));
      assertThat(ProcessMeshLauncher.aPortWasTaken(exitedWith(words))).as(words).isTrue();
    }
    String refused = serverOutput(natsServer, "-c", "/nonexistent/meshcheck.conf");
    assertThat(ProcessMeshLauncher.aPortWasTaken(exitedWith(refused))).as(refused).isFalse();
  }

  /** The failure as a launch reports a node that exited: its words after the node's name. */
  private static MeshStartException exitedWith(String serverWords) {
    return new MeshStartException("nats-server of node east-1 exited with 1: " + serverWords);
  }

  private static String serverOutput(Path natsServer, String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = natsServer.toString();
    System.arraycopy(args, 0, command, 1, args.length);
    Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      assertThat(server.waitFor(10, TimeUnit.SECONDS)).as("the server gives up by itself").isTrue();
      return new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      server.destroyForcibly();
    }
  }
}
