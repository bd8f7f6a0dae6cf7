package dev.meshcheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.measure.PhaseRecorders;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a fan-out receiver makes of each payload, whichever client delivered it. */
class DeliveryRecorderTest {
  private final PhaseRecorders warmup = new PhaseRecorders();
  private final PhaseRecorders measured = new PhaseRecorders();
  private final DeliveryTracker tracker = new DeliveryTracker(2);
  private final DeliveryRecorder recorder =
      new DeliveryRecorder("subscriber-1", tracker, warmup, measured, Duration.ZERO);

  @Test
  void eachPhaseIsCountedApartAndOnlyMeasuredMessagesReachTheReportedTracker() {
    deliver(0, 0, Stamp.WARMUP);
    deliver(0, 1, Stamp.WARMUP);
    deliver(0, 0, Stamp.MEASURED); // measured sequences restart at 0: not a duplicate
    deliver(1, 0, Stamp.MEASURED);
    deliver(0, 2, Stamp.MEASURED); // publisher 0's sequence 1 never arrives

    assertThat(warmup.receivedCount()).isEqualTo(2);
    assertThat(measured.receivedCount()).isEqualTo(3);
    assertThat(recorder.measuredReceived()).isEqualTo(3);
    assertThat(recorder.tracker().distinct()).isEqualTo(3);
    assertThat(recorder.tracker().lost(new long[] {3, 1})).isEqualTo(1);
    assertThat(recorder.activity()).isEqualTo(5);
  }

  @Test
  void duplicatesAreNotRecordedTwiceAndProbesAndUnstampedPayloadsAreNotMeasured() {
    deliver(0, 0, Stamp.MEASURED);
    deliver(0, 0, Stamp.MEASURED);
    deliver(0, 0, Stamp.PROBE);
    recorder.onPayload(new byte[] {1, 2, 3}, 0, 3, 0);

    assertThat(measured.receivedCount()).isEqualTo(1);
    assertThat(recorder.tracker().duplicates()).isEqualTo(1);
    assertThat(recorder.probes()).isEqualTo(1);
    assertThat(warmup.receivedCount()).isZero();
    assertThat(recorder.activity()).as("every payload is activity").isEqualTo(4);
  }

  @Test
  void orderIsJudgedPerReceiverAndPublisher() {
    deliver(0, 0, Stamp.MEASURED);
    deliver(0, 2, Stamp.MEASURED);
    deliver(1, 0, Stamp.MEASURED); // another publisher's sequence: nothing to do with publisher 0
    deliver(0, 1, Stamp.MEASURED); // after 2
    deliver(0, 3, Stamp.MEASURED);

    assertThat(recorder.measuredOutOfOrder()).isEqualTo(1);
  }

  @Test
  void membersOfAQueueGroupShareTheTrackerButNotTheOrder() {
    // The mesh gives member 2 the odd sequences while member 1 already got a later even one:
    // each member's share is in order, which is all the mesh promises.
    DeliveryRecorder member2 =
        new DeliveryRecorder("member-2", tracker, warmup, measured, Duration.ZERO);
    deliver(0, 0, Stamp.MEASURED);
    deliver(0, 2, Stamp.MEASURED);
    deliver(member2, 0, 1, Stamp.MEASURED);
    deliver(member2, 0, 3, Stamp.MEASURED);

    assertThat(recorder.measuredOutOfOrder() + member2.measuredOutOfOrder()).isZero();
    assertThat(tracker.distinct()).isEqualTo(4);
    assertThat(tracker.lost(new long[] {4, 0})).isZero();
  }

  private void deliver(int publisher, long sequence, byte phase) {
    deliver(recorder, publisher, sequence, phase);
  }

  private static void deliver(DeliveryRecorder receiver, int publisher, long sequence, byte phase) {
    byte[] payload = new byte[64];
    Stamp.write(payload, publisher, sequence, 1_000, 2_000, phase);
    // Payloads are parsed in place from a bigger read buffer: the offset must be honoured.
    byte[] buffer = new byte[payload.length + 9];
    System.arraycopy(payload, 0, buffer, 5, payload.length);
    receiver.onPayload(buffer, 5, payload.length, 3_000);
  }
}
