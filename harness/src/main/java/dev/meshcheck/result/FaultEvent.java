package dev.meshcheck.result;

import java.util.Optional;

/**
 * One step of a fault timeline as it happened during a run.
 *
 * @param fault what was done, as the timeline names it ({@code kill node 2})
 * @param plannedSeconds when the timeline asked for it, from the start of the measured phase
 * @param atSeconds when it was actually applied (the call began), from the same start
 * @param tookMillis how long applying it took ({@code restart}: until the node had rejoined)
 * @param problem why it failed, when it did (the run goes on, the event says so)
 */
public record FaultEvent(
    String fault,
    double plannedSeconds,
    double atSeconds,
    double tookMillis,
    Optional<String> problem) {}
