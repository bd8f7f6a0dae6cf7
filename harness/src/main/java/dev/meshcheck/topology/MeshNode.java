package dev.meshcheck.topology;

import dev.meshcheck.scenario.NodeSpec;
import java.net.URI;

/**
 * One server of a {@link RunningMesh}, with the faults its backend can inject. Fault methods return
 * once the fault is in effect ({@link #restart()} once the node has rejoined the mesh) and throw
 * {@link FaultsUnavailableException} on a backend that cannot inject them. Thread-safe.
 */
public interface MeshNode {
  NodeSpec spec();

  default int number() {
    return spec().number();
  }

  default String name() {
    return spec().name();
  }

  /** The cluster a member belongs to; a leaf node's own name. */
  default String clusterName() {
    return spec().clusterName();
  }

  /** The URL clients dial, such as {@code nats://127.0.0.1:41222}. */
  String clientUrl();

  /** The monitoring endpoint's base, such as {@code http://127.0.0.1:48222}. */
  URI monitorUrl();

  /** Server id, name and version as the node reports them now (a restart changes the id). */
  ServerInfo serverInfo();

  NodeState state();

  /** SIGKILL: sockets close at once, nothing is drained. */
  void kill();

  /** Graceful shutdown (SIGTERM / {@code docker stop}). */
  void stop();

  /** Starts a stopped or killed node again with the same config; returns once it has rejoined. */
  void restart();

  /** Freezes the node (SIGSTOP / {@code docker pause}). */
  void pause();

  /** Unfreezes a paused node. */
  void resume();

  /**
   * Puts the node in lame-duck mode: it stops accepting clients, tells connected clients to move
   * (INFO with {@code ldm}), closes them over the lame-duck duration, then exits.
   */
  void enterLameDuckMode();
}
