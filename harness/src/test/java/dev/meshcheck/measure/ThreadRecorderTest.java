package dev.meshcheck.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ThreadRecorderTest {
  private static final long MS = 1_000_000;
  private static final Set<Metric> COMPLETIONS = EnumSet.of(Metric.LATENCY, Metric.SERVICE_TIME);

  @Test
  void threadRecordersAndTheSharedRecorderAddUpInCountsAndHistograms() {
    PhaseRecorders phase = new PhaseRecorders();
    TimingRecorder sender = phase.recorderForOneThread(EnumSet.of(Metric.SEND_DELAY));
    TimingRecorder first = phase.recorderForOneThread(COMPLETIONS);
    TimingRecorder second = phase.recorderForOneThread(COMPLETIONS);
    assertThat(first).isInstanceOf(ThreadRecorder.class).isNotSameAs(second);
    sender.recordSend(0, 2 * MS);
    first.recordCompletion(0, 2 * MS, 5 * MS, 128);
    second.recordCompletion(0, 1 * MS, 9 * MS, 64);
    phase.recordCompletion(0, 0, 7 * MS, 32);

    IntervalSampler sampler = new IntervalSampler(phase, Optional.empty(), 0);
    IntervalPoint point = sampler.sample(1000);

    assertThat(phase.sentCount()).isEqualTo(1);
    assertThat(phase.receivedCount()).as("two thread recorders plus the shared one").isEqualTo(3);
    assertThat(phase.receivedBytes()).isEqualTo(128 + 64 + 32);
    assertThat(phase.lastCompletionNanos()).as("the latest over all recorders").isEqualTo(9 * MS);
    Histogram latency = sampler.total(Metric.LATENCY);
    assertThat(latency.getTotalCount()).isEqualTo(3);
    assertThat(latency.getMaxValue()).isBetween(9 * MS - 10_000, 9 * MS + 10_000);
    assertThat(sampler.total(Metric.SERVICE_TIME).getMinValue())
        .as("completed - sent, not - intended")
        .isBetween(3 * MS - 10_000, 3 * MS + 10_000);
    assertThat(sampler.total(Metric.SEND_DELAY).getTotalCount()).isEqualTo(1);
    assertThat(point.deliveredPerSecond()).isEqualTo(3.0);
  }

  @Test
  void eachIntervalHoldsOnlyWhatWasRecordedSinceThePreviousOneAndTotalsKeepEverything() {
    PhaseRecorders phase = new PhaseRecorders();
    TimingRecorder recorder = phase.recorderForOneThread(COMPLETIONS);
    List<Long> intervalCounts = new ArrayList<>();
    IntervalSampler sampler = new IntervalSampler(phase, Optional.empty(), 0);
    for (int second = 1; second <= 3; second++) {
      for (int i = 0; i < second * 10; i++) {
        recorder.recordCompletion(0, 0, MS, 128);
      }
      IntervalPoint point = sampler.sample(second * 1000L);
      intervalCounts.add(Math.round(point.deliveredPerSecond()));
    }
    assertThat(intervalCounts).containsExactly(10L, 20L, 30L);
    assertThat(sampler.total(Metric.LATENCY).getTotalCount()).isEqualTo(60);
  }

  @Test
  void noRecordingIsLostWhileIntervalsAreTakenConcurrently() throws InterruptedException {
    PhaseRecorders phase = new PhaseRecorders();
    IntervalSampler sampler = new IntervalSampler(phase, Optional.empty(), 0);
    int threads = 3;
    int perThread = 200_000;
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      TimingRecorder recorder = phase.recorderForOneThread(COMPLETIONS);
      Thread writer =
          new Thread(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  recorder.recordCompletion(0, 0, 1000 + i, 1);
                }
                done.countDown();
              });
      writer.start();
    }
    long millis = 0;
    while (done.getCount() > 0) {
      sampler.sample(++millis);
    }
    sampler.sample(++millis);
    long expected = (long) threads * perThread;
    assertThat(phase.receivedCount()).isEqualTo(expected);
    assertThat(sampler.total(Metric.LATENCY).getTotalCount())
        .as("every value in exactly one interval")
        .isEqualTo(expected);
    assertThat(sampler.total(Metric.SERVICE_TIME).getTotalCount()).isEqualTo(expected);
  }

  @Test
  void beyondTheCapThreadsShareTheConcurrentRecorderSoMemoryStaysBounded() {
    PhaseRecorders phase = new PhaseRecorders();
    List<TimingRecorder> handedOut = new ArrayList<>();
    for (int i = 0; i < PhaseRecorders.MAX_THREAD_RECORDERS + 5; i++) {
      handedOut.add(phase.recorderForOneThread(COMPLETIONS));
    }
    assertThat(handedOut.stream().filter(r -> r == phase)).hasSize(5);
    handedOut.forEach(r -> r.recordCompletion(0, 0, MS, 1));
    IntervalSampler sampler = new IntervalSampler(phase, Optional.empty(), 0);
    sampler.sample(1000);
    assertThat(sampler.total(Metric.LATENCY).getTotalCount())
        .isEqualTo(PhaseRecorders.MAX_THREAD_RECORDERS + 5);
  }

  @Test
  void aRecorderRefusesAMetricItWasNotMadeFor() {
    TimingRecorder receiver = new PhaseRecorders().recorderForOneThread(COMPLETIONS);
    assertThatThrownBy(() -> receiver.recordSend(0, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SEND_DELAY");
  }
}
