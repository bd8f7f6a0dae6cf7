package dev.meshcheck.result;

/**
 * What a workload's measured phase sent and what arrived.
 *
 * @param sent measured messages or requests the clients accepted
 * @param received measured replies, or deliveries summed over subscribers
 * @param lost deliveries a receiver should have had and did not (fan-out: per subscriber)
 * @param duplicates copies received more than once
 * @param outOfOrder copies that arrived at a subscriber, or a queue-group member, after a later one
 *     of the same publisher; 0 and not counted where the mesh promises no order ({@link
 *     dev.meshcheck.scenario.WorkloadKind#promisesOrder})
 */
public record Counts(long sent, long received, long lost, long duplicates, long outOfOrder) {

  /** Lost over expected deliveries; 0 when nothing was expected. */
  public double lossRate() {
    long expected = lost + received;
    return expected == 0 ? 0 : (double) lost / expected;
  }
}
