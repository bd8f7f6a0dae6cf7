package dev.meshcheck.scenario;

/**
 * The members that answer requests (request-reply) or share messages (queue fan-out).
 *
 * @param queueGroup the queue group every member subscribes with
 * @param memberCount how many members, spread round-robin over the mesh's nodes
 */
public record ServiceSpec(String queueGroup, int memberCount) {
  public ServiceSpec {
    if (queueGroup == null || queueGroup.isBlank()) {
      throw new IllegalArgumentException("queueGroup must be a name, was blank");
    }
    if (memberCount < 1) {
      throw new IllegalArgumentException("memberCount must be at least 1, was " + memberCount);
    }
  }
}
