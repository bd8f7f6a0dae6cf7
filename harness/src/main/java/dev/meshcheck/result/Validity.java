package dev.meshcheck.result;

import java.util.List;

/**
 * Whether a workload's figures describe the mesh.
 *
 * @param complete false when the run was interrupted before its phases ended
 * @param invalidReasons why the generator did not hold its schedule; empty when it did
 */
public record Validity(boolean complete, List<String> invalidReasons) {
  public Validity {
    invalidReasons = List.copyOf(invalidReasons);
  }

  public boolean isValid() {
    return invalidReasons.isEmpty();
  }
}
