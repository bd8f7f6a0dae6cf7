package dev.meshcheck.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.meshcheck.readme.Coverage.Folder;
import dev.meshcheck.readme.Coverage.Runs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs, in order, every command of README that {@link ReadmeCoverage} marks as run: as README shows
 * it, from the repository root (or from a folder holding only {@code meshcheck.jar}), with
 * placeholders filled and shortened as listed there. Each must exit as listed and print its line. A
 * command that holds until Ctrl-C ({@code up}) is left running for the commands after it ({@code
 * check --url} uses its nodes) and is stopped with SIGINT at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeCommandsIT {
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(240);
  private static final Pattern NODE_LINE =
      Pattern.compile("^node \\S+ cluster=\\S+ client=(\\S+) monitor=(\\S+)$");

  @TempDir Path tmp;

  /** Commands holding a mesh, in the order they started; {@code check --url} uses the last one. */
  private final List<HeldCommand> held = new ArrayList<>();

  /** Whatever still runs when the class ends (a held command whose line never came) is stopped. */
  private final List<CommandProcess> running = new ArrayList<>();

  private record HeldCommand(Runs run, CommandProcess process, List<ProcessHandle> children) {}

  @TestFactory
  Stream<DynamicTest> everyRunCommandOfReadmeExitsAsListedAndPrintsItsLine() {
    Stream<DynamicTest> commands =
        ReadmeCoverage.ALL.stream()
            .filter(Runs.class::isInstance)
            .map(Runs.class::cast)
            .map(run -> dynamicTest(run.command(), () -> runCommand(run)));
    return Stream.concat(
        commands,
        Stream.of(dynamicTest("commands held until Ctrl-C stop on it", () -> stopHeld())));
  }

  @AfterAll
  void stopWhatStillRuns() throws Exception {
    for (CommandProcess process : running) {
      process.close();
    }
  }

  private void runCommand(Runs run) throws Exception {
    assumeTrue(!run.launch().needsDocker() || dockerAnswers(), "docker does not answer");
    Path folder =
        run.launch().folder() == Folder.OUTSIDE ? outsideCheckout() : ReadmeCommandsTest.ROOT;
    Path log = Files.createTempFile(tmp, "command", ".log");
    List<String> command = filled(run.arguments(), folder);
    Pattern line = Pattern.compile(run.prints());
    long startNanos = System.nanoTime();
    CommandProcess process = CommandProcess.start(command, folder, log);
    if (run.launch().holds()) {
      running.add(process);
      Optional<String> ready = process.awaitLine(line, COMMAND_TIMEOUT);
      assertThat(ready).as("printed /%s/: %s", line, process.describe()).isPresent();
      held.add(new HeldCommand(run, process, process.children()));
    } else {
      try (process) {
        Optional<Integer> exit = process.awaitExit(COMMAND_TIMEOUT);
        assertThat(exit)
            .as("exited within %s: %s", COMMAND_TIMEOUT, process.describe())
            .isPresent();
        assertThat(exit.get()).as("exit code: %s", process.describe()).isIn(run.exits());
        assertThat(process.output().lines())
            .as("a line matching /%s/: %s", line, process.describe())
            .anyMatch(l -> line.matcher(l).find());
      }
    }
    System.out.printf(
        "README command took %d ms: %s%n",
        Duration.ofNanos(System.nanoTime() - startNanos).toMillis(), run.command());
  }

  private void stopHeld() throws Exception {
    for (HeldCommand command : held) {
      command.process().interrupt();
      Optional<Integer> exit = command.process().awaitExit(Duration.ofSeconds(30));
      assertThat(exit)
          .as("stopped within 30 s of Ctrl-C: %s", command.process().describe())
          .isPresent();
      assertThat(exit.get()).as(command.process().describe()).isIn(command.run().exits());
      assertThat(command.children())
          .as("no process it started outlives it: %s", command.run().command())
          .noneMatch(ProcessHandle::isAlive);
    }
  }

  /**
   * The command with its variables filled in; {@code java} is the JVM running this test (the
   * build's Java 17, whatever PATH says), and a script is found in the folder it runs in.
   */
  private List<String> filled(List<String> arguments, Path folder) throws Exception {
    List<String> command = new ArrayList<>();
    for (String argument : arguments) {
      command.add(withVariables(argument));
    }
    String program = command.get(0);
    if (program.equals("java")) {
      command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
    } else if (program.contains("/") && !program.startsWith("/")) {
      command.set(0, folder.resolve(program).toString());
    }
    return command;
  }

  private String withVariables(String argument) throws Exception {
    Matcher variable = Runs.VARIABLE.matcher(argument);
    StringBuilder filled = new StringBuilder();
    while (variable.find()) {
      variable.appendReplacement(filled, Matcher.quoteReplacement(value(variable.group(1))));
    }
    return variable.appendTail(filled).toString();
  }

  private String value(String variable) throws Exception {
    return switch (variable) {
      case "tmp" -> tmp.toString();
      case "clientUrls" -> heldMeshUrls(1);
      case "monitorUrls" -> heldMeshUrls(2);
      case "hlog" -> onlyHlog(tmp.resolve("run"));
      default -> throw new IllegalArgumentException("no value for {" + variable + "}");
    };
  }

  /** Client (group 1) or monitoring (group 2) URLs of the last mesh an {@code up} holds. */
  private String heldMeshUrls(int group) throws Exception {
    assertThat(held).as("an earlier command holds a mesh").isNotEmpty();
    return held.get(held.size() - 1)
        .process()
        .output()
        .lines()
        .map(NODE_LINE::matcher)
        .filter(Matcher::matches)
        .map(m -> m.group(group))
        .collect(Collectors.joining(","));
  }

  private static String onlyHlog(Path runFolder) throws Exception {
    try (Stream<Path> files = Files.list(runFolder)) {
      List<Path> logs = files.filter(f -> f.toString().endsWith(".hlog")).toList();
      assertThat(logs).as("the interval log of the run in %s", runFolder).hasSize(1);
      return logs.get(0).toString();
    }
  }

  private static boolean dockerAnswers() {
    try {
      Process info = new ProcessBuilder("docker", "info").redirectErrorStream(true).start();
      info.getInputStream().readAllBytes();
      return info.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && info.exitValue() == 0;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A folder that is no checkout, holding the jar as {@code meshcheck.jar}, as a user has it. */
  private Path outsideCheckout() throws Exception {
    Path folder = tmp.resolve("outside");
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder);
      Path jar = ReadmeCommandsTest.ROOT.resolve("harness/target/meshcheck.jar");
      assertThat(jar).as("the shaded jar (Failsafe runs after package)").isRegularFile();
      Files.createSymbolicLink(folder.resolve("meshcheck.jar"), jar);
    }
    return folder;
  }
}
