package dev.meshcheck.steps;

import java.util.Optional;

/**
 * One seeded breakage of a healthy mesh and the shipped scenario that should catch it: a broken
 * topology (under {@code src/test/resources/broken/}) used instead of the one the scenario names,
 * or an edit of the scenario's own service deployment (a typo, a placement), or both.
 *
 * @param area the features folder whose checks are measured
 * @param breakage what is broken, in a reader's words
 * @param feature the shipped feature, relative to {@code features/}
 * @param scenario the scenario's name, as written after {@code Scenario:}
 * @param topology the broken topology file, if the breakage is in the mesh
 * @param edit a text replacement in the feature, if the breakage is in the deployment
 * @param expected how the gate should answer
 */
record Mutation(
    String area,
    String breakage,
    String feature,
    String scenario,
    Optional<String> topology,
    Optional<Edit> edit,
    Expected expected) {

  /** A replacement of the first occurrence of {@code from} by {@code to} in the feature. */
  record Edit(String from, String to) {}

  /** How the gate should answer the breakage. */
  enum Expected {
    /** A step of the scenario fails. */
    CAUGHT,
    /** The mesh never forms: the harness's readiness probe fails the scenario's first step. */
    CAUGHT_BY_READINESS,
    /** The breakage removes a capability the scenario needs, so it is skipped, not failed. */
    SKIPPED
  }

  static Mutation ofTopology(
      String area, String breakage, String feature, String scenario, String topology) {
    return new Mutation(
        area,
        breakage,
        feature,
        scenario,
        Optional.of(topology),
        Optional.empty(),
        Expected.CAUGHT);
  }

  static Mutation ofEdit(
      String area, String breakage, String feature, String scenario, String from, String to) {
    return new Mutation(
        area,
        breakage,
        feature,
        scenario,
        Optional.empty(),
        Optional.of(new Edit(from, to)),
        Expected.CAUGHT);
  }

  Mutation expecting(Expected other) {
    return new Mutation(area, breakage, feature, scenario, topology, edit, other);
  }
}
