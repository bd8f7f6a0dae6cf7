package dev.meshcheck.load.transport;

import static org.assertj.core.api.Assertions.assertThat;

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
}
