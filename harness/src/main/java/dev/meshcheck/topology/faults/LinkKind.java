package dev.meshcheck.topology.faults;

import java.util.Locale;

/** The kinds of connection a link fault can act on. */
public enum LinkKind {
  /** Routes between two members of one cluster. */
  ROUTE,
  /** Gateway connections between clusters. */
  GATEWAY,
  /** A leaf node's connection to its hub cluster. */
  LEAF,
  /** The connections of clients to one node. */
  CLIENT;

  /** How messages name this kind: "route", "gateway", "leaf", "client". */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
