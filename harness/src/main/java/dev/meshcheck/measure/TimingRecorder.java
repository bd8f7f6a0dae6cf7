package dev.meshcheck.measure;

/**
 * Where sends and completions are recorded: a phase's shared {@link PhaseRecorders} or one thread's
 * own {@link ThreadRecorder}. All times are on the generator's nanosecond clock.
 */
public interface TimingRecorder {
  /** A message or request left the generator {@code sentNanos - intendedNanos} late. */
  void recordSend(long intendedNanos, long sentNanos);

  /** A reply or delivery arrived: records latency (from intended) and service time (from sent). */
  void recordCompletion(long intendedNanos, long sentNanos, long completedNanos, int payloadBytes);
}
