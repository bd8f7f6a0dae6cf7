package dev.meshcheck.topology;

import dev.meshcheck.scenario.NodeSpec;
import dev.meshcheck.topology.faults.LinkKind;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where each node dials its peers' route, gateway and leaf ports, and what it advertises to peers
 * and clients. Direct by default; a mesh whose links take faults puts proxies in between, and then
 * must keep the servers from gossiping the direct addresses, over which a later connection would
 * bypass the proxy.
 */
interface PeerDialing {
  /** The {@code host:port} that {@code from} dials to reach the {@code kind} port of {@code to}. */
  String address(LinkKind kind, NodeSpec from, NodeSpec to);

  /** What {@code node} tells peers and clients about itself. */
  Advertising advertising(NodeSpec node);

  /**
   * @param client {@code client_advertise}: the address clients learn for this node
   * @param cluster {@code cluster.advertise}: the route address other members learn by gossip
   * @param gateway {@code gateway.advertise}: the gateway address other clusters learn by gossip
   * @param hideLeafUrls {@code leafnodes.no_advertise}: leaf nodes learn no other hub addresses
   */
  record Advertising(
      Optional<String> client,
      Optional<String> cluster,
      Optional<String> gateway,
      boolean hideLeafUrls) {
    static final Advertising DEFAULTS =
        new Advertising(Optional.empty(), Optional.empty(), Optional.empty(), false);
  }

  /** Every node dials its peers' own ports and advertises what the server finds by itself. */
  static PeerDialing direct(Function<NodeSpec, NodeEndpoints> endpoints) {
    return new PeerDialing() {
      @Override
      public String address(LinkKind kind, NodeSpec from, NodeSpec to) {
        NodeEndpoints target = endpoints.apply(to);
        int port =
            switch (kind) {
              case ROUTE -> target.clusterPort();
              case GATEWAY -> target.gatewayPort();
              case LEAF -> target.leafPort();
              case CLIENT -> target.clientPort();
            };
        return target.peerHost() + ":" + port;
      }

      @Override
      public Advertising advertising(NodeSpec node) {
        return Advertising.DEFAULTS;
      }
    };
  }
}
