package dev.meshcheck.load;

/**
 * Told by a {@link LoadRun} when its phases are fixed (before the first send) and when its senders
 * are done (before draining), so that something can happen on the run's own timeline, such as a
 * fault timeline applied in the measured phase. Called on the run's thread; must return at once.
 */
public interface PhaseListener {
  PhaseListener NONE =
      new PhaseListener() {
        @Override
        public void phasesFixed(RunPhases phases) {}

        @Override
        public void sendersDone() {}
      };

  /** The phases, on the run's {@link Clock}. */
  void phasesFixed(RunPhases phases);

  /** Every sender has finished (or was stopped). */
  void sendersDone();
}
