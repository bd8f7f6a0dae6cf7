package dev.meshcheck.scenario;

import java.util.Arrays;

/** The shapes of load {@code meshcheck run} can generate. */
public enum WorkloadKind {
  /** Clients send requests to a service whose members share a queue group; replies come back. */
  REQUEST_REPLY("request-reply"),
  /** Publishers send to a subject; every subscriber receives every message. */
  FAN_OUT("fan-out"),
  /** Publishers send to a subject; the members of one queue group share the messages. */
  QUEUE_FAN_OUT("queue-fan-out");

  private final String fileName;

  WorkloadKind(String fileName) {
    this.fileName = fileName;
  }

  /** The name used in scenario files and reports. */
  public String fileName() {
    return fileName;
  }

  /**
   * Whether the mesh promises an order its deliveries can be checked against: each subscriber, and
   * each member of a queue group for its share, gets a publisher's messages in the order sent.
   * Replies to independent requests promise none (members answer in parallel), so request-reply
   * counts no order.
   */
  public boolean promisesOrder() {
    return this != REQUEST_REPLY;
  }

  static String[] fileNames() {
    return Arrays.stream(values()).map(WorkloadKind::fileName).toArray(String[]::new);
  }

  public static WorkloadKind fromFileName(String name) {
    return Arrays.stream(values())
        .filter(k -> k.fileName.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown workload kind " + name));
  }
}
