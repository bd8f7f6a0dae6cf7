package dev.meshcheck.load.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A reconnect as reports show it. */
class ReconnectTest {
  @Test
  void urlsLoseTheirUserAndPasswordSoThatNoReportShowsThem() {
    Reconnect reconnect =
        new Reconnect("c", "nats://bob:secret@10.0.0.1:4222", "tls://bob@h:1", 5, 2_000_000);
    assertThat(reconnect.fromUrl()).isEqualTo("nats://10.0.0.1:4222");
    assertThat(reconnect.toUrl()).isEqualTo("tls://h:1");
    assertThat(reconnect.took()).isEqualTo(Duration.ofMillis(2));
  }

  @Test
  void aNegativeDurationIsABugAndNamed() {
    assertThatThrownBy(() -> new Reconnect("c", "nats://a:1", "nats://b:1", 0, -1))
        .hasMessageContaining("tookNanos");
  }
}
