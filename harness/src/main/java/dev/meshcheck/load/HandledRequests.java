package dev.meshcheck.load;

import dev.meshcheck.load.transport.RequestListener;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests one service member handled, by the phase in each request's stamp and by the
 * client that sent it; the measured ones give the per-member counts, fairness and the links the
 * requests crossed. Recorded by the member's one receiving thread, read from any thread.
 */
final class HandledRequests implements RequestListener {
  // Indexed by the stamp's phase (warm-up, measured, probe): one code path for all three, so the
  // JIT does not recompile it when the measured phase starts (see SendLoop). Only the measured
  // count is read.
  private final LongAdder[] byPhase = {new LongAdder(), new LongAdder(), new LongAdder()};
  private final SenderCounts bySender;

  /**
   * @param clientCount the workload's requesting clients (their ids are 0..clientCount-1)
   */
  HandledRequests(int clientCount) {
    bySender = new SenderCounts(clientCount);
  }

  @Override
  public void onRequest(byte[] buffer, int offset, int length) {
    if (!Stamp.isStamped(buffer, offset, length)) {
      return;
    }
    byte phase = Stamp.phase(buffer, offset);
    byPhase[phase].increment();
    if (phase != Stamp.PROBE) {
      bySender.count(phase, Stamp.senderId(buffer, offset));
    }
  }

  long measured() {
    return byPhase[Stamp.MEASURED].sum();
  }

  /** Measured requests by client id. */
  long[] measuredByClient() {
    return bySender.measured();
  }
}
