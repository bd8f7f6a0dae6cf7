package dev.meshcheck.result;

/** The verdict of a run, as written in summary.json's {@code status}. */
public enum RunStatus {
  /** Every SLO held and the generator kept its schedule. */
  PASSED("passed"),
  /** The generator kept its schedule and an SLO did not hold. */
  SLO_BREACHED("slo-breached"),
  /** The generator did not keep its schedule: the figures describe it, not the mesh. */
  INVALID("invalid"),
  /** The run was interrupted or failed midway; the summary holds what was measured. */
  PARTIAL("partial");

  private final String json;

  RunStatus(String json) {
    this.json = json;
  }

  public String json() {
    return json;
  }
}
