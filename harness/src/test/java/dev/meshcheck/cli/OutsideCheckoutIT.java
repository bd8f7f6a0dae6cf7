package dev.meshcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar alone, run in a folder that is no checkout, finds the shipped scenarios by name. */
class OutsideCheckoutIT {
  @TempDir Path elsewhere;

  @Test
  void theJarWritesManifestsForAShippedScenarioNamedFromAFolderThatIsNoCheckout() throws Exception {
    Path log = elsewhere.resolve("k8s.log");
    Process k8s =
        new ProcessBuilder(
                List.of(
                    ShardProcesses.javaBinary(),
                    "-jar",
                    ShardProcesses.jar().toString(),
                    "k8s",
                    "fanout-2pub-6sub-1kib-10krps-cluster3",
                    "--shards",
                    "2",
                    "--url",
                    "nats://mesh.example:4222",
                    "--out",
                    "manifests"))
            .directory(elsewhere.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(k8s.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(k8s.exitValue()).as(Files.readString(log)).isZero();
    assertThat(elsewhere.resolve("manifests/shards.yaml"))
        .content()
        .contains("fanout-2pub-6sub-1kib-10krps-cluster3");
  }
}
