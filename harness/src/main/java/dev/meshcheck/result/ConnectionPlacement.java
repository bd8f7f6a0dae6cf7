package dev.meshcheck.result;

/**
 * Where one of a workload's connections sat.
 *
 * @param connection its name, such as {@code client-1} or {@code member-2}
 * @param role what it did
 * @param node the node it connected to, such as {@code east-1}
 * @param cluster that node's cluster (a leaf node's own name)
 */
public record ConnectionPlacement(String connection, Role role, String node, String cluster) {
  /** What a connection did in the workload. */
  public enum Role {
    /** A publisher or a requesting client. */
    SENDER,
    /** A plain subscriber: gets every message. */
    SUBSCRIBER,
    /** A queue group member: answers requests or shares the messages. */
    MEMBER
  }
}
