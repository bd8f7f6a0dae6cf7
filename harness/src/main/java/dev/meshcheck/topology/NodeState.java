package dev.meshcheck.topology;

/** What the harness last did to a node. */
public enum NodeState {
  RUNNING,
  /** Frozen (SIGSTOP or {@code docker pause}): sockets stay open, nothing is answered. */
  PAUSED,
  /** Told to enter lame-duck mode: accepts no clients and moves its clients away, then exits. */
  LAME_DUCK,
  /** Stopped gracefully or killed; {@link MeshNode#restart()} starts it again. */
  STOPPED;

  /** Refuses a fault that needs a running node, naming the node and what it is instead. */
  static void requireRunning(NodeState current, String nodeName, String action) {
    if (current != RUNNING) {
      throw new IllegalStateException(
          "node " + nodeName + " cannot be " + action + ": it is " + current);
    }
  }
}
