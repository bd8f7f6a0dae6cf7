package dev.meshcheck.run;

import dev.meshcheck.load.LoadTuning;
import dev.meshcheck.result.RunEnvironment;
import dev.meshcheck.scenario.ClientKind;
import io.nats.client.Nats;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads the environment recorded with every result: client version, JVM, cores, OS, the git commit
 * of the checkout and the validity thresholds, so that runs can be compared honestly.
 */
final class EnvironmentCapture {
  private EnvironmentCapture() {}

  /** With {@code client} the load client the workload runs on. */
  static RunEnvironment capture(Path checkout, LoadTuning tuning, ClientKind client) {
    return new RunEnvironment(
        client == ClientKind.JNATS
            ? "jnats " + Nats.CLIENT_VERSION
            : client.fileName() + " (meshcheck's own NATS protocol client)",
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory(),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        gitCommit(checkout).orElse("unknown"),
        0,
        tuning.maxSendDelayP99().toNanos() / 1000.0,
        tuning.minAchievedRateFraction());
  }

  /** Sum of each heap pool's peak: an upper bound of the harness's peak heap use. */
  static long peakHeapUsedBytes() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed())
        .sum();
  }

  private static Optional<String> gitCommit(Path checkout) {
    try {
      Process git =
          new ProcessBuilder("git", "-C", checkout.toString(), "rev-parse", "HEAD")
              .redirectErrorStream(true)
              .start();
      if (!git.waitFor(5, TimeUnit.SECONDS)) {
        git.destroyForcibly();
        return Optional.empty();
      }
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return git.exitValue() == 0 && out.matches("[0-9a-f]{40}")
          ? Optional.of(out)
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
