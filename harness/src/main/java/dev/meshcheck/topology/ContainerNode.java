package dev.meshcheck.topology;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.meshcheck.scenario.NodeSpec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testcontainers.containers.GenericContainer;

/**
 * One nats-server container. Testcontainers creates and first starts it; faults then act on the
 * same container through the Docker API (kill, stop, start, pause, unpause, signals), so a stopped
 * node keeps its config and JetStream store and restarts as the same container. URLs are taken from
 * the container's state after each start: a restart may change its address and host ports.
 * Thread-safe.
 */
final class ContainerNode implements MeshNode {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REJOIN_TIMEOUT = Duration.ofSeconds(30);

  private final NodeSpec spec;
  private final GenericContainer<?> container;
  private final DockerClient docker;
  private final String networkId;
  private final MonitorClient monitor = new MonitorClient(Duration.ofSeconds(2));
  private volatile ClientAccess access = ClientAccess.CONTAINER_ADDRESS;
  private volatile ContainerAddress address;
  private volatile String proxiedClientUrl;
  private final boolean tls;
  private MeshReadiness readiness;
  private NodeState state = NodeState.STOPPED;

  /**
   * @param tls whether clients must dial with TLS ({@code tls://} URLs)
   */
  ContainerNode(
      NodeSpec spec,
      GenericContainer<?> container,
      DockerClient docker,
      String networkId,
      boolean tls) {
    this.tls = tls;
    this.spec = spec;
    this.container = container;
    this.docker = docker;
    this.networkId = networkId;
  }

  /** Set once the mesh exists: restart waits for this node's links to its live peers. */
  void useReadiness(MeshReadiness meshReadiness) {
    this.readiness = meshReadiness;
  }

  /** Set once the mesh has found how the host reaches its containers. */
  void useAccess(ClientAccess clientAccess) {
    this.access = clientAccess;
  }

  /** Clients dial {@code hostPort} (a proxy in front of the node) instead of the node itself. */
  void routeClientsThrough(String hostPort) {
    this.proxiedClientUrl = "nats://" + hostPort;
  }

  /** Where the node's own client port is reached from the host, bypassing any proxy. */
  InetSocketAddress directClientAddress() {
    return address().clientSocketAddress(access);
  }

  /** The pid of the container's process on this host: the way into its network namespace. */
  long pid() {
    Long pid = inspect().getState().getPidLong();
    if (pid == null || pid == 0) {
      throw new IllegalStateException("the container of node " + spec.name() + " is not running");
    }
    return pid;
  }

  /** Creates and starts the container; returns once it runs, not once the server is ready. */
  void start() {
    try {
      container.start();
    } catch (RuntimeException e) {
      throw new MeshStartException(
          "the container of node " + spec.name() + " did not start: " + e.getMessage() + logTail(),
          e);
    }
    synchronized (this) {
      refreshAddress();
      state = NodeState.RUNNING;
    }
  }

  /** Fails with the server's own words when its container exited during start-up. */
  void checkRunning() {
    if (recordedState() == NodeState.RUNNING && !isRunning()) {
      throw new MeshStartException(
          "nats-server of node " + spec.name() + " exited" + exitCode() + logTail());
    }
  }

  /** What the harness last did to the node, without asking Docker (cheap, for polling). */
  synchronized NodeState recordedState() {
    return state;
  }

  ContainerAddress address() {
    ContainerAddress current = address;
    if (current == null) {
      throw new IllegalStateException("node " + spec.name() + " has not been started");
    }
    return current;
  }

  String containerId() {
    return container.getContainerId();
  }

  @Override
  public NodeSpec spec() {
    return spec;
  }

  @Override
  public String clientUrl() {
    String proxied = proxiedClientUrl;
    String url = proxied != null ? proxied : address().clientUrl(access);
    return tls ? url.replaceFirst("^nats://", "tls://") : url;
  }

  @Override
  public URI monitorUrl() {
    return address().monitorUrl(access);
  }

  @Override
  public ServerInfo serverInfo() {
    return monitor.serverInfoOf(this);
  }

  @Override
  public synchronized NodeState state() {
    if (state != NodeState.STOPPED && !isRunning()) {
      state = NodeState.STOPPED; // exited on its own: after lame-duck mode, or crashed
    }
    return state;
  }

  @Override
  public synchronized void kill() {
    if (isRunning()) {
      unpauseIfPaused();
      docker.killContainerCmd(containerId()).exec();
      awaitExit();
    }
    state = NodeState.STOPPED;
  }

  @Override
  public synchronized void stop() {
    if (isRunning()) {
      unpauseIfPaused();
      docker.stopContainerCmd(containerId()).withTimeout((int) STOP_TIMEOUT.toSeconds()).exec();
    }
    state = NodeState.STOPPED;
  }

  @Override
  public void restart() {
    synchronized (this) {
      if (isRunning()) {
        stop();
      }
      docker.startContainerCmd(containerId()).exec();
      refreshAddress();
      state = NodeState.RUNNING;
    }
    readiness.awaitNodes(List.of(spec), REJOIN_TIMEOUT);
  }

  @Override
  public synchronized void pause() {
    requireRunning("paused");
    docker.pauseContainerCmd(containerId()).exec();
    state = NodeState.PAUSED;
  }

  @Override
  public synchronized void resume() {
    if (state() != NodeState.PAUSED) {
      throw new IllegalStateException("node " + spec.name() + " is " + state() + ", not paused");
    }
    docker.unpauseContainerCmd(containerId()).exec();
    state = NodeState.RUNNING;
  }

  @Override
  public synchronized void enterLameDuckMode() {
    requireRunning("put in lame-duck mode");
    docker.killContainerCmd(containerId()).withSignal("SIGUSR2").exec();
    state = NodeState.LAME_DUCK;
  }

  private void requireRunning(String action) {
    NodeState.requireRunning(state(), spec.name(), action);
  }

  // A server that rejects its config exits at once, possibly before Docker has reported it as
  // running: say so in its own words rather than fail on the address it no longer has.
  private void refreshAddress() {
    InspectContainerResponse inspect = inspect();
    if (!Boolean.TRUE.equals(inspect.getState().getRunning())) {
      throw new MeshStartException(
          "nats-server of node " + spec.name() + " exited" + exitCode() + logTail());
    }
    address = ContainerAddress.of(inspect, networkId, container.getHost());
  }

  private InspectContainerResponse inspect() {
    return docker.inspectContainerCmd(containerId()).exec();
  }

  private boolean isRunning() {
    if (containerId() == null) {
      return false;
    }
    try {
      return Boolean.TRUE.equals(inspect().getState().getRunning());
    } catch (NotFoundException removed) {
      return false;
    }
  }

  // Docker refuses to stop or kill a paused container.
  private void unpauseIfPaused() {
    if (Boolean.TRUE.equals(inspect().getState().getPaused())) {
      docker.unpauseContainerCmd(containerId()).exec();
    }
  }

  private void awaitExit() {
    docker
        .waitContainerCmd(containerId())
        .start()
        .awaitStatusCode(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  private String exitCode() {
    try {
      return " with " + inspect().getState().getExitCodeLong();
    } catch (RuntimeException e) {
      return "";
    }
  }

  private String logTail() {
    if (containerId() == null) {
      return "";
    }
    try {
      List<String> lines = container.getLogs().lines().toList();
      return ": " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (RuntimeException e) {
      return " (no log: " + e.getMessage() + ")";
    }
  }
}
