package dev.meshcheck.topology;

/** How the harness's clients reach the nodes. */
public enum ClientAccess {
  /** Processes on 127.0.0.1. */
  LOOPBACK,
  /** Straight to the container's address on its network (Linux hosts). */
  CONTAINER_ADDRESS,
  /**
   * Through the port Docker publishes on the host (docker-proxy); measured here to nearly double
   * request-reply p50, so results taken this way are not comparable with the others.
   */
  MAPPED_PORT,
  /** URLs of a mesh the harness did not start. */
  EXTERNAL
}
