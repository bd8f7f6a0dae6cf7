package dev.meshcheck.load.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What counts as a connection error of a run. */
class ConnectionEventsTest {
  @Test
  void errorsAfterTheStopSignalAreTheHarnessClosingAndNotCountedAgainstTheMesh() {
    AtomicBoolean stop = new AtomicBoolean();
    ConnectionEvents events = new ConnectionEvents(stop::get);
    events.recordError("client-1", "-ERR 'Permissions Violation'");

    stop.set(true);
    events.recordError("client-1", "java.net.ConnectException: Connection refused");
    events.recordError("member-1", "java.io.IOException: Read channel closed");

    assertThat(events.errorCount()).as("errors counted in the result").isEqualTo(1);
    assertThat(events.latestError()).contains("client-1: -ERR 'Permissions Violation'");
    assertThat(events.errorsWhileStopping()).as("kept apart").isEqualTo(2);
  }

  @Test
  void errorsReportedOnceTheJvmExitsAreTheHarnessClosingEvenBeforeTheStopFlagIsUp()
      throws Exception {
    // Ctrl-C's stop flag and the servers' stop are two shutdown hooks in no set order: the error
    // of a client that lost its server may come before the flag. A child JVM plays that order.
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process child =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    classPath,
                    ErrorInAShutdownHook.class.getName()))
            .redirectErrorStream(true)
            .start();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(output).contains("before exit: counted 1, while stopping 0");
    assertThat(output).contains("in a shutdown hook: counted 1, while stopping 1");
  }

  /** Records one error while running and one from a shutdown hook, with the stop flag never up. */
  static final class ErrorInAShutdownHook {
    public static void main(String[] args) {
      ConnectionEvents events = new ConnectionEvents(() -> false);
      events.recordError("client-1", "-ERR 'Permissions Violation'");
      System.out.println("before exit: " + tally(events));
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    events.recordError("client-1", "java.net.SocketException: Connection reset");
                    System.out.println("in a shutdown hook: " + tally(events));
                  }));
      System.exit(0);
    }

    private static String tally(ConnectionEvents events) {
      return "counted " + events.errorCount() + ", while stopping " + events.errorsWhileStopping();
    }
  }
}
