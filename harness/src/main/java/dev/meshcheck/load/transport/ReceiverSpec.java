package dev.meshcheck.load.transport;

import java.time.Duration;

/**
 * Where and how a fan-out receiver listens.
 *
 * @param name the connection's name (also on the server)
 * @param subject what it subscribes to
 * @param queueGroup the queue group it joins, or null for a plain subscriber
 * @param delayPerMessage how long the receiver dwells on each message (zero: not slowed; tests)
 * @param pendingLimit jnats's pending-message limit for the subscription (0: jnats's default)
 */
public record ReceiverSpec(
    String name, String subject, String queueGroup, Duration delayPerMessage, int pendingLimit) {}
