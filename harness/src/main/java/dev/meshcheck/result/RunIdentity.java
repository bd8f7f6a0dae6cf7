package dev.meshcheck.result;

import java.time.Instant;

/**
 * Which run this was.
 *
 * @param runId the report folder's name, such as {@code 20261202-101500-request-reply-3svc}
 * @param scenario the scenario's name
 * @param scenarioFile where the scenario was read from, as given
 * @param startedAt when the run began (wall clock)
 */
public record RunIdentity(String runId, String scenario, String scenarioFile, Instant startedAt) {}
