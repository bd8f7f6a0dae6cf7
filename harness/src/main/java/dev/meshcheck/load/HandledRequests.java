package dev.meshcheck.load;

import dev.meshcheck.load.transport.RequestListener;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests one service member handled, by the phase in each request's stamp; the measured
 * ones give the per-member counts and fairness. Recorded by the member's one receiving thread, read
 * from any thread.
 */
final class HandledRequests implements RequestListener {
  // Indexed by the stamp's phase (warm-up, measured, probe): one code path for all three, so the
  // JIT does not recompile it when the measured phase starts (see SendLoop). Only the measured
  // count is read.
  private final LongAdder[] byPhase = {new LongAdder(), new LongAdder(), new LongAdder()};

  @Override
  public void onRequest(byte[] buffer, int offset, int length) {
    if (!Stamp.isStamped(buffer, offset, length)) {
      return;
    }
    byPhase[Stamp.phase(buffer, offset)].increment();
  }

  long measured() {
    return byPhase[Stamp.MEASURED].sum();
  }
}
