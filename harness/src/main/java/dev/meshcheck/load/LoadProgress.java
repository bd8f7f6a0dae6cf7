package dev.meshcheck.load;

import dev.meshcheck.measure.IntervalPoint;

/** Called from the run's ticker thread about once a second; implementations must be quick. */
@FunctionalInterface
public interface LoadProgress {
  /** The phase the run is in when an interval closes. */
  enum Phase {
    WARMUP("warm-up"),
    MEASURE("measure");

    private final String label;

    Phase(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * @param elapsedSeconds seconds since the phase started
   * @param phaseSeconds the phase's planned length
   */
  void onInterval(Phase phase, double elapsedSeconds, double phaseSeconds, IntervalPoint interval);

  static LoadProgress silent() {
    return (phase, elapsed, total, interval) -> {};
  }
}
