package dev.meshcheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.load.transport.MessageSender;
import dev.meshcheck.measure.IntervalSampler;
import dev.meshcheck.measure.Metric;
import dev.meshcheck.measure.PhaseRecorders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class OpenLoopMeasurementTest {
  private static final long MS = 1_000_000;

  private final FakeClock fake = new FakeClock();
  private final PhaseRecorders warmup = new PhaseRecorders();
  private final PhaseRecorders measured = new PhaseRecorders();

  @Test
  void intendedTimesFollowTheRateWithoutDrift() {
    SendSchedule schedule = SendSchedule.atRate(0, 3000, 0, 1);
    assertThat(schedule.intendedNanos(0)).isZero();
    assertThat(schedule.intendedNanos(3)).isEqualTo(1_000_000);
    assertThat(schedule.intendedNanos(3000))
        .as("no rounding drift after a second")
        .isEqualTo(1_000_000_000);
  }

  @Test
  void sendersAreStaggeredOverOneInterval() {
    assertThat(SendSchedule.atRate(0, 1000, 0, 4).intendedNanos(0)).isZero();
    assertThat(SendSchedule.atRate(0, 1000, 1, 4).intendedNanos(0)).isEqualTo(250_000);
    assertThat(SendSchedule.atRate(0, 1000, 3, 4).intendedNanos(1)).isEqualTo(1_750_000);
  }

  @Test
  void aGeneratorThatKeepsItsScheduleHasNoSendDelayAndLatencyEqualsServiceTime() {
    List<Long> intended = new ArrayList<>();
    run(
        1000,
        Duration.ofMillis(100),
        payload -> {
          intended.add(Stamp.intendedNanos(payload));
          complete(payload, MS);
          return true;
        });
    Histogram sendDelay = total(Metric.SEND_DELAY);
    assertThat(measured.sentCount()).as("1000/s for 100 ms").isEqualTo(100);
    assertThat(sendDelay.getMaxValue()).isZero();
    assertThat(total(Metric.LATENCY).getValueAtPercentile(99)).isBetween(MS - 1000, MS + 1000);
    assertThat(intended.get(11) - intended.get(10)).isEqualTo(MS);
  }

  @Test
  void aStalledSendIsChargedToLatencyAndSendDelayNotHiddenByServiceTime() {
    run(
        1000,
        Duration.ofMillis(200),
        payload -> {
          if (Stamp.sequence(payload) == 50 && Stamp.phase(payload) == Stamp.MEASURED) {
            fake.advance(100 * MS); // the client blocks for 100 ms inside this send
          }
          complete(payload, MS);
          return true;
        });
    assertThat(measured.sentCount()).as("the schedule is kept, not shifted").isEqualTo(200);
    Histogram sendDelay = total(Metric.SEND_DELAY);
    Histogram latency = total(Metric.LATENCY);
    Histogram service = total(Metric.SERVICE_TIME);
    assertThat(sendDelay.getMaxValue())
        .as("the send after the stall left ~99 ms late")
        .isBetween(98 * MS, 101 * MS);
    assertThat(sendDelay.getTotalCount() - sendDelay.getCountBetweenValues(0, 0))
        .as("about 100 sends queued behind the stall")
        .isBetween(95L, 101L);
    assertThat(latency.getValueAtPercentile(99))
        .as("corrected latency shows the stall")
        .isGreaterThan(90 * MS);
    assertThat(service.getMaxValue()).as("service time alone hides it").isLessThan(102 * MS);
    assertThat(service.getValueAtPercentile(90)).isLessThan(2 * MS);
  }

  @Test
  void aStalledGeneratorMakesTheRunInvalid() {
    run(
        1000,
        Duration.ofMillis(200),
        payload -> {
          if (Stamp.sequence(payload) == 50 && Stamp.phase(payload) == Stamp.MEASURED) {
            fake.advance(100 * MS);
          }
          return true;
        });
    List<String> reasons =
        ScheduleCheck.reasons(
            total(Metric.SEND_DELAY), OptionalDouble.of(1000), 1000, LoadTuning.defaults());
    assertThat(reasons).singleElement().asString().contains("send delay p99");
  }

  @Test
  void aRunOnScheduleIsValidAndOneUnderItsRateIsNot() {
    run(1000, Duration.ofMillis(200), payload -> true);
    Histogram sendDelay = total(Metric.SEND_DELAY);
    assertThat(
            ScheduleCheck.reasons(sendDelay, OptionalDouble.of(1000), 995, LoadTuning.defaults()))
        .isEmpty();
    assertThat(
            ScheduleCheck.reasons(sendDelay, OptionalDouble.of(1000), 985, LoadTuning.defaults()))
        .singleElement()
        .asString()
        .contains("under the target");
    assertThat(ScheduleCheck.reasons(sendDelay, OptionalDouble.empty(), 1, LoadTuning.defaults()))
        .as("max rate has no schedule to hold")
        .isEmpty();
  }

  @Test
  void warmupMessagesAreNotMeasuredAndTheCountLimitEndsTheRun() {
    Clock clock = fake.clock();
    RunPhases phases =
        RunPhases.startingAt(fake.now(), Duration.ofMillis(50), Duration.ofSeconds(10));
    SendLoop loop =
        SendLoop.builder()
            .clock(clock)
            .phases(phases)
            .schedule(SendSchedule.atRate(phases.startNanos(), 1000, 0, 1))
            .measuredLimit(OptionalLong.of(30))
            .recorders(warmup, measured)
            .sender(payload -> true)
            .build();
    loop.run();
    assertThat(warmup.sentCount()).isEqualTo(50);
    assertThat(measured.sentCount()).isEqualTo(30);
    assertThat(loop.measuredSent()).isEqualTo(30);
  }

  private void run(double ratePerSecond, Duration measure, MessageSender sender) {
    Clock clock = fake.clock();
    RunPhases phases = RunPhases.startingAt(fake.now(), Duration.ZERO, measure);
    SendLoop.builder()
        .clock(clock)
        .phases(phases)
        .schedule(SendSchedule.atRate(phases.startNanos(), ratePerSecond, 0, 1))
        .recorders(warmup, measured)
        .sender(sender)
        .build()
        .run();
  }

  private void complete(byte[] payload, long serviceNanos) {
    PhaseRecorders phase = Stamp.phase(payload) == Stamp.MEASURED ? measured : warmup;
    phase.recordCompletion(
        Stamp.intendedNanos(payload),
        Stamp.sentNanos(payload),
        Stamp.sentNanos(payload) + serviceNanos,
        payload.length);
  }

  private IntervalSampler sampler;

  /** Takes one interval on first use (taking one resets the recorders), then reads its totals. */
  private Histogram total(Metric metric) {
    if (sampler == null) {
      sampler = new IntervalSampler(measured, Optional.empty(), 0);
      sampler.sample(1000);
    }
    return sampler.total(metric);
  }
}
