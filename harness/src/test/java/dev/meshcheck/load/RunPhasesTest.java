package dev.meshcheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunPhasesTest {
  @Test
  void aMessageBelongsToThePhaseOfItsIntendedTimeWhereverTheClockStands() {
    // nanoTime may be any long, negative too: the phase must not depend on where it starts.
    for (long start : new long[] {0, -5_000_000_000L, Long.MAX_VALUE / 2, Long.MIN_VALUE / 2}) {
      RunPhases phases = RunPhases.startingAt(start, Duration.ofSeconds(1), Duration.ofSeconds(2));
      long measureStart = phases.measureStartNanos();
      assertThat(phases.phaseOf(start)).isEqualTo(Stamp.WARMUP);
      assertThat(phases.phaseOf(measureStart - 1)).isEqualTo(Stamp.WARMUP);
      assertThat(phases.phaseOf(measureStart)).isEqualTo(Stamp.MEASURED);
      assertThat(phases.phaseOf(phases.endNanos())).isEqualTo(Stamp.MEASURED);
      assertThat(phases.isMeasured(measureStart)).isTrue();
      assertThat(phases.isMeasured(measureStart - 1)).isFalse();
    }
  }
}
