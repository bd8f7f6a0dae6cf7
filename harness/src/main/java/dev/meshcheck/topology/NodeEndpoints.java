package dev.meshcheck.topology;

/**
 * Where one node listens and how its peers reach it.
 *
 * @param listenHost the interface its listeners bind to
 * @param peerHost the host name or address other nodes dial (a network alias for containers)
 */
record NodeEndpoints(
    String listenHost,
    String peerHost,
    int clientPort,
    int clusterPort,
    int gatewayPort,
    int leafPort,
    int monitorPort) {

  /** The same endpoints with clients dialling {@code port} (a proxy in front of the node). */
  NodeEndpoints withClientPort(int port) {
    return new NodeEndpoints(
        listenHost, peerHost, port, clusterPort, gatewayPort, leafPort, monitorPort);
  }

  /** The fixed ports every container uses: each container has an address of its own. */
  static NodeEndpoints standardPorts(String peerHost) {
    return new NodeEndpoints("0.0.0.0", peerHost, 4222, 6222, 7222, 7422, 8222);
  }
}
