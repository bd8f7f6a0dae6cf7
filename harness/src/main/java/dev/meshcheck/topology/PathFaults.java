package dev.meshcheck.topology;

import dev.meshcheck.topology.faults.LinkFault;
import dev.meshcheck.topology.faults.LinkFaultKind;
import dev.meshcheck.topology.faults.PeerPath;

/**
 * Injects faults on single paths, by one mechanism (proxies, a firewall); {@link
 * ResolvingLinkFaults} turns named links into paths and checks support first.
 */
interface PathFaults {
  /** For a mesh with no faultable path: {@link ResolvingLinkFaults} refuses before calling it. */
  PathFaults NONE =
      new PathFaults() {
        @Override
        public void apply(PeerPath path, LinkFault fault) {
          throw new IllegalStateException("no fault mechanism for " + path.label());
        }

        @Override
        public void clear(PeerPath path, LinkFaultKind kind) {
          // Nothing was ever switched on.
        }

        @Override
        public void reset(PeerPath path) {
          throw new IllegalStateException("no fault mechanism for " + path.label());
        }

        @Override
        public void clearAll() {
          // Nothing was ever switched on.
        }
      };

  void apply(PeerPath path, LinkFault fault);

  void clear(PeerPath path, LinkFaultKind kind);

  void reset(PeerPath path);

  void clearAll();
}
