package dev.meshcheck.result;

import java.util.OptionalDouble;

/**
 * How fast a workload's measured phase went, per second of that phase.
 *
 * @param targetPerSecond the scenario's total rate; empty for max rate (and closed loop)
 * @param achievedPerSecond messages or requests the senders handed to the mesh per second
 * @param deliveredPerSecond replies, or copies received by all subscribers, per second up to the
 *     last one
 * @param deliveredBytesPerSecond payload bytes of those deliveries per second
 * @param measuredSeconds from the start of the measured phase to the last sender's end
 */
public record Rates(
    OptionalDouble targetPerSecond,
    double achievedPerSecond,
    double deliveredPerSecond,
    double deliveredBytesPerSecond,
    double measuredSeconds) {}
