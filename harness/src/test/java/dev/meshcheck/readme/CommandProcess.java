package dev.meshcheck.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One command of README started as a process, its stdout and stderr in one log file. Closing it
 * stops what is still running: SIGINT first, so the harness's own shutdown removes its servers,
 * then SIGKILL for it and anything it started.
 */
final class CommandProcess implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);

  private final Process process;
  private final Path log;
  private final String description;

  private CommandProcess(Process process, Path log, String description) {
    this.process = process;
    this.log = log;
    this.description = description;
  }

  static CommandProcess start(List<String> command, Path folder, Path log) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new CommandProcess(process, log, String.join(" ", command) + " (in " + folder + ")");
  }

  /** The first line of output that {@code line} matches, once printed; empty if it never is. */
  Optional<String> awaitLine(Pattern line, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      boolean exited = !process.isAlive();
      Optional<String> found = output().lines().filter(l -> line.matcher(l).find()).findFirst();
      if (found.isPresent() || exited || System.nanoTime() > deadline) {
        return found;
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /** The exit code, or empty when the process still runs after {@code timeout}. */
  Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
        ? Optional.of(process.exitValue())
        : Optional.empty();
  }

  /** Sends SIGINT, as Ctrl-C in a terminal does. */
  void interrupt() throws Exception {
    new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
  }

  /** The processes it started that still run (nats-servers of the processes backend). */
  List<ProcessHandle> children() {
    return process.descendants().filter(ProcessHandle::isAlive).toList();
  }

  String output() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  /** What ran and the last of what it printed: for assertion messages. */
  String describe() {
    String output;
    try {
      output = output();
    } catch (IOException e) {
      output = "(no output: " + e + ")";
    }
    return description + "\n" + output.substring(Math.max(0, output.length() - 6000));
  }

  @Override
  public void close() throws Exception {
    if (!process.isAlive()) {
      return;
    }
    List<ProcessHandle> started = children();
    interrupt();
    if (awaitExit(Duration.ofSeconds(30)).isEmpty()) {
      started.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
  }
}
