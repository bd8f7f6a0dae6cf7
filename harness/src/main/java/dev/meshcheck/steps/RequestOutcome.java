package dev.meshcheck.steps;

import java.util.Optional;

/**
 * What happened to one request: answered (by which member, on which node and cluster), no
 * responders (the server's 503 status), timed out, or failed otherwise.
 *
 * @param latencyNanos from sending to the outcome (answer, status or timeout)
 */
public record RequestOutcome(
    Kind kind, long latencyNanos, Optional<ServiceReply> reply, String error) {

  /** The kinds of outcome a request can have. */
  public enum Kind {
    ANSWERED,
    NO_RESPONDERS,
    TIMED_OUT,
    FAILED
  }

  public RequestOutcome {
    if (latencyNanos < 0) {
      throw new IllegalArgumentException("latencyNanos must be >= 0, was " + latencyNanos);
    }
  }

  public boolean answered() {
    return kind == Kind.ANSWERED;
  }
}
