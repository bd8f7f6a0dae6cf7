package dev.meshcheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The stamp is read in place from a receive buffer, at whatever offset the payload starts. */
class StampTest {
  @Test
  void aStampedPayloadIsDecodedInPlaceAtItsOffset() {
    byte[] buffer = new byte[64];
    byte[] stamp = new byte[Stamp.BYTES];
    Stamp.write(stamp, 3, 42, 1_000, 2_000, Stamp.MEASURED);
    System.arraycopy(stamp, 0, buffer, 10, stamp.length);
    assertThat(Stamp.isStamped(buffer, 10, 40)).isTrue();
    assertThat(Stamp.isStamped(buffer, 10, Stamp.BYTES - 1)).as("too short").isFalse();
    assertThat(Stamp.senderId(buffer, 10)).isEqualTo(3);
    assertThat(Stamp.sequence(buffer, 10)).isEqualTo(42);
    assertThat(Stamp.intendedNanos(buffer, 10)).isEqualTo(1_000);
    assertThat(Stamp.sentNanos(buffer, 10)).isEqualTo(2_000);
    assertThat(Stamp.phase(buffer, 10)).isEqualTo(Stamp.MEASURED);
  }
}
