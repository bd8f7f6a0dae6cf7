package dev.meshcheck.load;

import dev.meshcheck.measure.IntervalPoint;
import dev.meshcheck.measure.IntervalSampler;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes an interval once a second: the warm-up sampler's while warming up, the measured sampler's
 * after (whose intervals go to the .hlog), and reports each to the progress listener. Closing it
 * stops the ticks and takes the last, partial interval of the measured phase.
 */
final class PhaseTicker implements AutoCloseable {
  private final Clock clock;
  private final RunPhases phases;
  private final long startMillis;
  private final IntervalSampler warmup;
  private final IntervalSampler measure;
  private final LoadProgress progress;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "meshcheck-interval-ticker");
            t.setDaemon(true);
            return t;
          });
  private boolean measureTicked;

  PhaseTicker(
      Clock clock,
      RunPhases phases,
      long startMillis,
      IntervalSampler warmup,
      IntervalSampler measure,
      LoadProgress progress) {
    this.clock = clock;
    this.phases = phases;
    this.startMillis = startMillis;
    this.warmup = warmup;
    this.measure = measure;
    this.progress = progress;
  }

  void start() {
    long untilStartMillis = Math.max(0, startMillis - System.currentTimeMillis());
    timer.scheduleAtFixedRate(this::tick, untilStartMillis + 1000, 1000, TimeUnit.MILLISECONDS);
  }

  private synchronized void tick() {
    long nowNanos = clock.nanoTime();
    long nowMillis = startMillis + (nowNanos - phases.startNanos()) / 1_000_000;
    long measureStartMillis =
        startMillis + (phases.measureStartNanos() - phases.startNanos()) / 1_000_000;
    double warmupSeconds = (phases.measureStartNanos() - phases.startNanos()) / 1e9;
    double measureSeconds = (phases.endNanos() - phases.measureStartNanos()) / 1e9;
    // Ticks are aligned to the run's start, so the one that lands on the phase boundary (give or
    // take scheduling jitter) closes the warm-up's last second, not a sliver of the measured phase.
    if (nowMillis < measureStartMillis + 500) {
      IntervalPoint point = warmup.sample(nowMillis);
      progress.onInterval(
          LoadProgress.Phase.WARMUP, (nowMillis - startMillis) / 1000.0, warmupSeconds, point);
      return;
    }
    IntervalPoint point = measure.sample(nowMillis);
    measureTicked = true;
    progress.onInterval(
        LoadProgress.Phase.MEASURE,
        Math.min(measureSeconds, (nowMillis - measureStartMillis) / 1000.0),
        measureSeconds,
        point);
  }

  @Override
  public synchronized void close() {
    timer.shutdownNow();
    long nowNanos = clock.nanoTime();
    if (nowNanos >= phases.measureStartNanos() || measureTicked) {
      long nowMillis = startMillis + (nowNanos - phases.startNanos()) / 1_000_000;
      measure.sample(nowMillis);
    }
  }
}
