package dev.meshcheck.topology;

import dev.meshcheck.scenario.NodeSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One local nats-server process; its config stays on disk so that restart reuses its ports. */
final class ProcessNode implements MeshNode {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final NodeSpec spec;
  private final NodeEndpoints endpoints;
  private final Path binary;
  private final Path config;
  private final Path log;
  private final RunFolder folder;
  private final String scheme;
  private final MonitorClient monitor = new MonitorClient(Duration.ofSeconds(2));
  private MeshReadiness readiness;
  private Process process;
  private NodeState state = NodeState.STOPPED;

  /**
   * @param tls whether clients must dial with TLS ({@code tls://} URLs)
   */
  ProcessNode(
      NodeSpec spec,
      NodeEndpoints endpoints,
      Path binary,
      Path config,
      RunFolder folder,
      boolean tls) {
    this.scheme = tls ? "tls://" : "nats://";
    this.spec = spec;
    this.endpoints = endpoints;
    this.binary = binary;
    this.config = config;
    this.log = folder.file(spec.name() + ".log");
    this.folder = folder;
  }

  /** Set once the mesh exists: restart waits for this node's links to its live peers. */
  void useReadiness(MeshReadiness meshReadiness) {
    this.readiness = meshReadiness;
  }

  synchronized void start() {
    try {
      process =
          new ProcessBuilder(binary.toString(), "-c", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new MeshStartException("cannot start " + binary + " for node " + spec.name(), e);
    }
    folder.recordPid(spec.name(), process.pid());
    state = NodeState.RUNNING;
  }

  /** Fails with the server's own words when the process died during start-up. */
  synchronized void checkAlive() {
    if (process != null && !process.isAlive()) {
      throw new MeshStartException(
          "nats-server of node "
              + spec.name()
              + " exited with "
              + process.exitValue()
              + ": "
              + logTail());
    }
  }

  @Override
  public NodeSpec spec() {
    return spec;
  }

  @Override
  public String clientUrl() {
    return scheme + endpoints.peerHost() + ":" + endpoints.clientPort();
  }

  @Override
  public URI monitorUrl() {
    return URI.create("http://" + endpoints.peerHost() + ":" + endpoints.monitorPort());
  }

  @Override
  public ServerInfo serverInfo() {
    return monitor.serverInfoOf(this);
  }

  @Override
  public synchronized NodeState state() {
    if (process == null || !process.isAlive()) {
      state = NodeState.STOPPED;
    }
    return state;
  }

  @Override
  public synchronized void kill() {
    if (isAlive()) {
      process.destroyForcibly();
      awaitExit();
    }
    state = NodeState.STOPPED;
  }

  @Override
  public synchronized void stop() {
    if (isAlive()) {
      process.destroy();
      if (state == NodeState.PAUSED) {
        Signals.send("CONT", process.pid()); // a stopped process acts on TERM only once continued
      }
      awaitExit();
    }
    state = NodeState.STOPPED;
  }

  @Override
  public void restart() {
    synchronized (this) {
      if (isAlive()) {
        stop();
      }
      start();
    }
    readiness.awaitNodes(List.of(spec), Duration.ofSeconds(30));
  }

  @Override
  public synchronized void pause() {
    requireRunning("pause");
    Signals.send("STOP", process.pid());
    state = NodeState.PAUSED;
  }

  @Override
  public synchronized void resume() {
    if (state != NodeState.PAUSED) {
      throw new IllegalStateException("node " + spec.name() + " is " + state() + ", not paused");
    }
    Signals.send("CONT", process.pid());
    state = NodeState.RUNNING;
  }

  @Override
  public synchronized void enterLameDuckMode() {
    requireRunning("put in lame-duck mode");
    Signals.send("USR2", process.pid());
    state = NodeState.LAME_DUCK;
  }

  private void requireRunning(String action) {
    NodeState.requireRunning(state(), spec.name(), action);
  }

  private boolean isAlive() {
    return process != null && process.isAlive();
  }

  private void awaitExit() {
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
