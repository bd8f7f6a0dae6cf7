package dev.meshcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.load.LoadProgress.Phase;
import dev.meshcheck.measure.IntervalPoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** In a CI log, progress is whole lines now and then; on a terminal, one line rewritten. */
class ConsoleProgressTest {
  private static final IntervalPoint SECOND =
      new IntervalPoint(0, 1, 1000, 1000, 128_000, IntervalPoint.Latency.NONE, java.util.Map.of());

  @Test
  void withoutATerminalEachPhasesStartEveryFifthSecondAndItsEndAreOneLineWithoutCarriageReturns() {
    StringWriter log = new StringWriter();
    ConsoleProgress progress = new ConsoleProgress(new PrintWriter(log), false);
    for (int second = 1; second <= 2; second++) {
      progress.onInterval(Phase.WARMUP, second, 2, SECOND);
    }
    for (int second = 1; second <= 12; second++) {
      progress.onInterval(Phase.MEASURE, second, 12, SECOND);
    }
    progress.finish();

    assertThat(log.toString()).doesNotContain("\r");
    assertThat(log.toString().lines())
        .extracting(line -> line.substring(0, 8).trim())
        .containsExactly("warm-up", "warm-up", "measure", "measure", "measure", "measure");
    assertThat(log.toString().lines())
        .extracting(line -> line.replaceAll(".*] +([0-9.]+)/.*", "$1"))
        .containsExactly("1.0", "2.0", "1.0", "6.0", "11.0", "12.0");
  }

  @Test
  void onATerminalTheLineIsRewrittenInPlace() {
    StringWriter log = new StringWriter();
    ConsoleProgress progress = new ConsoleProgress(new PrintWriter(log), true);
    for (int second = 1; second <= 3; second++) {
      progress.onInterval(Phase.MEASURE, second, 3, SECOND);
    }
    progress.finish();

    assertThat(log.toString()).startsWith("\r").contains("3.0/3s").endsWith(System.lineSeparator());
    assertThat(log.toString().chars().filter(c -> c == '\r')).hasSize(3);
  }
}
