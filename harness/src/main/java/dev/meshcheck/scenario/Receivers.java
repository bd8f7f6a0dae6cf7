package dev.meshcheck.scenario;

/**
 * The receiving side of a workload.
 *
 * @param subscriberCount plain subscribers, each of which gets every message (fan-out kinds)
 * @param service the queue group members: they answer requests (request-reply) or share the
 *     messages (queue fan-out); unused by a plain fan-out
 */
public record Receivers(int subscriberCount, ServiceSpec service) {
  public Receivers {
    if (subscriberCount < 0) {
      throw new IllegalArgumentException(
          "subscriberCount must be at least 0, was " + subscriberCount);
    }
  }
}
