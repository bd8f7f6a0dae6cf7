package dev.meshcheck.measure;

/** The three timings every sent message yields, each in its own histogram (nanoseconds). */
public enum Metric {
  /** Completion minus intended send time: what a user of an open-loop system waits. */
  LATENCY("latency"),
  /** Completion minus actual send time: what the mesh took once the message left. */
  SERVICE_TIME("service-time"),
  /** Actual minus intended send time: how far the generator fell behind its schedule. */
  SEND_DELAY("send-delay");

  private final String tag;

  Metric(String tag) {
    this.tag = tag;
  }

  /** The tag of this metric's interval histograms in the {@code .hlog} file. */
  public String tag() {
    return tag;
  }
}
