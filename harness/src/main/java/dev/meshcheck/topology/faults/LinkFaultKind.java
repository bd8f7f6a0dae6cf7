package dev.meshcheck.topology.faults;

/** What a {@link LinkFault} does, as capability queries and {@code clear} name it. */
public enum LinkFaultKind {
  /** Added latency, with jitter. */
  LATENCY("added latency"),
  /** A cap on bytes per second. */
  BANDWIDTH("a bandwidth limit"),
  /** Nothing crosses the link (a partition); connections hang rather than close. */
  BLACKHOLE("a partition (blackhole)"),
  /** Every connection on the link is closed at once (TCP RST); new ones are let through. */
  RESET("a connection reset");

  private final String description;

  LinkFaultKind(String description) {
    this.description = description;
  }

  /** For messages: "added latency", "a partition (blackhole)". */
  public String description() {
    return description;
  }
}
