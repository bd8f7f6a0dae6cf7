package dev.meshcheck.scenario;

/**
 * One load shape of a scenario: who sends what at which pace, who receives it, for how long, and on
 * which client.
 *
 * @param kind request-reply, fan-out or queue fan-out
 * @param subject the subject requests or messages are sent to
 * @param senders publishers (fan-out kinds) or clients (request-reply), rate, count and payload
 * @param receivers plain subscribers and the queue group members
 * @param placement where the senders, subscribers and members sit
 * @param timing warm-up, measured duration and request timeout
 * @param client the client implementation of the workload's connections
 */
public record Workload(
    WorkloadKind kind,
    String subject,
    Senders senders,
    Receivers receivers,
    Placement placement,
    Timing timing,
    ClientKind client) {

  public Workload {
    if (kind == WorkloadKind.FAN_OUT && receivers.subscriberCount() < 1) {
      throw new IllegalArgumentException("a fan-out needs at least 1 subscriber, was 0");
    }
    if (client == null) {
      throw new IllegalArgumentException("client must be set, was null");
    }
  }

  /** The same workload for another length of time (the command line's {@code --duration}). */
  public Workload withTiming(Timing other) {
    return new Workload(kind, subject, senders, receivers, placement, other, client);
  }
}
