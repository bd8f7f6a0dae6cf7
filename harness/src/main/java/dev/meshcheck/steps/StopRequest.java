package dev.meshcheck.steps;

import java.util.function.BooleanSupplier;

/**
 * Whether whoever started the run asked it to stop (Ctrl-C during {@code meshcheck check}). {@link
 * Hooks} asks before each scenario: once it is set, the scenarios not yet begun are skipped without
 * a mesh, so that the run ends within seconds and Cucumber still writes complete reports. One per
 * run; thread-safe as its supplier is.
 */
final class StopRequest {
  private final BooleanSupplier requested;

  StopRequest(BooleanSupplier requested) {
    this.requested = requested;
  }

  /** A run nobody can stop but by ending the JVM (the Failsafe suites). */
  static StopRequest never() {
    return new StopRequest(() -> false);
  }

  boolean isRequested() {
    return requested.getAsBoolean();
  }
}
