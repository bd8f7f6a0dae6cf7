package dev.meshcheck.report;

import io.nats.client.Nats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The environment recorded with every result, so that runs can be compared honestly: client
 * version, JVM, cores, OS and the git commit of the checkout. The caller adds topology, backend,
 * server version, image and settings.
 */
public final class RunEnvironment {
  private RunEnvironment() {}

  public static Map<String, Object> capture(Path checkout) {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("client", "jnats " + Nats.CLIENT_VERSION);
    env.put(
        "jvm",
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")");
    env.put("cores", Runtime.getRuntime().availableProcessors());
    env.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
    env.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    env.put("git_commit", gitCommit(checkout).orElse("unknown"));
    return env;
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
