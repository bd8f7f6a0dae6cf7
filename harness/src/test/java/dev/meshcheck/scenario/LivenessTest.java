package dev.meshcheck.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class LivenessTest {
  @Test
  void aRunningProcessRuns() {
    assertThat(Liveness.isRunning(ProcessHandle.current())).isTrue();
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aZombieDoesNotRunAlthoughProcessHandleCallsItAlive() throws Exception {
    // bash starts a short child, prints its pid and becomes a sleep that never reaps it.
    Process parent =
        new ProcessBuilder("bash", "-c", "sleep 0.05 & echo $!; exec sleep 30").start();
    try {
      long child;
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(parent.getInputStream(), StandardCharsets.US_ASCII))) {
        child = Long.parseLong(out.readLine().trim());
      }
      ProcessHandle zombie = ProcessHandle.of(child).orElseThrow();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (Liveness.isRunning(zombie) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }

      assertThat(zombie.isAlive()).as("what ProcessHandle says of the zombie").isTrue();
      assertThat(Liveness.isRunning(zombie)).as("what Liveness says").isFalse();
    } finally {
      parent.destroyForcibly();
    }
  }
}
