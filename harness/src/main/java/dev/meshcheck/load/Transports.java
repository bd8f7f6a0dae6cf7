package dev.meshcheck.load;

import dev.meshcheck.load.jnats.JnatsTransport;
import dev.meshcheck.load.transport.ConnectionEvents;
import dev.meshcheck.load.transport.Transport;
import dev.meshcheck.load.wire.WireTransport;
import dev.meshcheck.scenario.ClientKind;

/** The one place that picks the transport a workload's {@code client:} names. */
final class Transports {
  private Transports() {}

  /** Connections on {@code client}, reporting to {@code events}, timed by {@code clock}. */
  static Transport forClient(ClientKind client, ConnectionEvents events, Clock clock) {
    return switch (client) {
      case WIRE -> new WireTransport(events, clock::nanoTime);
      case JNATS -> new JnatsTransport(events, clock::nanoTime);
    };
  }
}
