package dev.meshcheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.measure.ErrorKind;
import dev.meshcheck.measure.PhaseRecorders;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The request-reply bookkeeping both clients share, driven by hand with a fake clock. */
class ReplyBookTest {
  private static final long MILLI = 1_000_000L;

  private final FakeClock time = new FakeClock();
  private final PhaseRecorders warmup = new PhaseRecorders();
  private final PhaseRecorders measured = new PhaseRecorders();
  private final ReplyBook book =
      new ReplyBook(time.clock(), warmup, measured, Duration.ofMillis(100));
  private final RunPhases phases =
      RunPhases.startingAt(time.now(), Duration.ofSeconds(1), Duration.ofSeconds(10));

  @Test
  void repliesAreMatchedByTheirStampAndDuplicatesAndLateRepliesAreNotSuccesses() {
    book.begin(phases);
    time.advance(2_000 * MILLI); // in the measured phase
    byte[] first = request(0, Stamp.MEASURED);
    byte[] second = request(1, Stamp.MEASURED);
    time.advance(3 * MILLI);
    reply(first);
    reply(first); // duplicate
    time.advance(200 * MILLI); // beyond the 100 ms request timeout
    reply(second);

    assertThat(measured.receivedCount()).as("timely distinct replies").isEqualTo(1);
    assertThat(book.duplicates()).isEqualTo(1);
    assertThat(book.settled()).as("both requests got an answer").isEqualTo(2);
    assertThat(book.completions().availablePermits()).as("one permit per reply").isEqualTo(3);
    book.settleTimeouts(3);
    assertThat(measured.errorCount(ErrorKind.TIMEOUT))
        .as("the late reply and the unanswered third request")
        .isEqualTo(2);
  }

  @Test
  void noRespondersSettleARequestAndCountInThePhaseTheRunIsIn() {
    book.begin(phases);
    book.onNoResponders(); // still warm-up
    time.advance(2_000 * MILLI);
    book.onNoResponders();
    book.settleTimeouts(1);
    assertThat(warmup.errorCount(ErrorKind.NO_RESPONDERS)).isEqualTo(1);
    assertThat(measured.errorCount(ErrorKind.NO_RESPONDERS)).isEqualTo(1);
    assertThat(measured.errorCount(ErrorKind.TIMEOUT)).as("refused, not timed out").isZero();
    assertThat(book.completions().availablePermits()).isEqualTo(2);
  }

  @Test
  void probesAreCountedButReleaseNoPermitAndUnstampedRepliesAreErrors() {
    byte[] probe = new byte[Stamp.BYTES];
    Stamp.write(probe, 0, 0, 0, 0, Stamp.PROBE);
    book.onReply(probe, 0, probe.length, time.now());
    book.onReply(new byte[] {1, 2, 3}, 0, 3, time.now());
    assertThat(book.probeReplies()).isEqualTo(1);
    assertThat(warmup.errorCount(ErrorKind.OTHER)).isEqualTo(1);
    assertThat(book.completions().availablePermits()).as("only the unstamped reply").isEqualTo(1);
  }

  private byte[] request(long sequence, byte phase) {
    byte[] payload = new byte[128];
    Stamp.write(payload, 0, sequence, time.now(), time.now(), phase);
    return payload;
  }

  private void reply(byte[] payload) {
    // Replies arrive inside a bigger read buffer: the book must honour the offset.
    byte[] buffer = new byte[payload.length + 10];
    System.arraycopy(payload, 0, buffer, 7, payload.length);
    book.onReply(buffer, 7, payload.length, time.now());
  }
}
