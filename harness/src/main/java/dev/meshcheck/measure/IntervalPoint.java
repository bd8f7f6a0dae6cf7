package dev.meshcheck.measure;

/**
 * What one interval (about a second) of the measured phase saw.
 *
 * @param startSeconds seconds from the start of the measured phase to the interval's start
 * @param lengthSeconds the interval's length
 * @param sentPerSecond messages or requests sent per second
 * @param deliveredPerSecond deliveries (replies, or messages received by all subscribers) per
 *     second
 * @param deliveredBytesPerSecond payload bytes delivered per second
 * @param latencyP99Micros the corrected latency p99 of this interval alone
 */
public record IntervalPoint(
    double startSeconds,
    double lengthSeconds,
    double sentPerSecond,
    double deliveredPerSecond,
    double deliveredBytesPerSecond,
    double latencyP99Micros,
    long errors) {}
