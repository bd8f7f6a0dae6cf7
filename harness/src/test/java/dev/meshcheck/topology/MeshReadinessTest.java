package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.scenario.TopologyFiles;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a launch that never gets ready says. */
class MeshReadinessTest {
  // Port 1 on loopback: nothing listens there, so every health check is refused at once.
  private static final URI NOBODY = URI.create("http://127.0.0.1:1");

  @Test
  void aMeshThatNeverGetsReadyNamesTheWaitAndWhatEachNodeLacks() {
    Topology single = TopologyFiles.resolve("single", ProjectLayout.discover());
    AtomicInteger aliveChecks = new AtomicInteger();
    MeshReadiness readiness = new MeshReadiness(single, node -> NOBODY);

    assertThatThrownBy(
            () -> readiness.awaitMesh(Duration.ofMillis(300), aliveChecks::incrementAndGet))
        .isInstanceOf(MeshStartException.class)
        .hasMessageStartingWith("mesh 'single' not ready after 300 ms: ")
        .hasMessageContaining("/healthz not 200 yet at " + NOBODY);
    assertThat(aliveChecks).as("the servers are checked before every poll").hasPositiveValue();
  }

  @Test
  void aWaitOfSecondsIsSaidInSeconds() {
    Topology single = TopologyFiles.resolve("single", ProjectLayout.discover());

    assertThatThrownBy(
            () ->
                new MeshReadiness(single, node -> NOBODY)
                    .awaitNodes(single.nodes(), Duration.ofMillis(1200)))
        .hasMessageStartingWith("mesh 'single' not ready after 1 s: ");
  }
}
