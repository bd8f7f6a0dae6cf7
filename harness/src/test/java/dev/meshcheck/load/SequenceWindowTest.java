package dev.meshcheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceWindowTest {
  @Test
  void countsDuplicatesOutOfOrderAndWhatNeverCame() {
    DeliveryTracker tracker = new DeliveryTracker(1);
    for (long seq : new long[] {0, 1, 3, 2, 2, 5, 6, 6}) {
      tracker.record(0, seq);
    }
    assertThat(tracker.distinct()).isEqualTo(6);
    assertThat(tracker.duplicates()).isEqualTo(2);
    assertThat(tracker.lost(new long[] {8})).as("4 and 7 never came").isEqualTo(2);
  }

  @Test
  void staysExactAcrossTheWindowBoundary() {
    SequenceWindow window = new SequenceWindow();
    for (long seq = 0; seq < 3L * SequenceWindow.WINDOW; seq++) {
      window.record(seq);
    }
    assertThat(window.record(3L * SequenceWindow.WINDOW - 5))
        .isEqualTo(SequenceWindow.Arrival.DUPLICATE);
    assertThat(window.distinct()).isEqualTo(3L * SequenceWindow.WINDOW);
    assertThat(window.record(10))
        .as("too old to tell")
        .isEqualTo(SequenceWindow.Arrival.OUT_OF_ORDER);
  }

  @Test
  void stampsRoundTrip() {
    byte[] payload = new byte[64];
    Stamp.write(payload, 7, 1L << 40, -5, Long.MAX_VALUE, Stamp.MEASURED);
    assertThat(Stamp.senderId(payload)).isEqualTo(7);
    assertThat(Stamp.sequence(payload)).isEqualTo(1L << 40);
    assertThat(Stamp.intendedNanos(payload)).isEqualTo(-5);
    assertThat(Stamp.sentNanos(payload)).isEqualTo(Long.MAX_VALUE);
    assertThat(Stamp.phase(payload)).isEqualTo(Stamp.MEASURED);
  }
}
