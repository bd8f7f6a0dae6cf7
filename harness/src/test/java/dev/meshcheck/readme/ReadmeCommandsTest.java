package dev.meshcheck.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.readme.Coverage.MappedTo;
import dev.meshcheck.readme.Coverage.Mention;
import dev.meshcheck.readme.Coverage.Runs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every command README.md shows is run by {@link ReadmeCommandsIT} or mapped, in {@link
 * ReadmeCoverage}, to the test that runs it; so README's commands cannot drift from the code.
 */
class ReadmeCommandsTest {
  static final Path ROOT =
      Path.of(System.getProperty("meshcheck.root", "..")).toAbsolutePath().normalize();

  /** Options a run may add to README's command: to keep it short, or its files out of reports/. */
  private static final Set<String> SHORT_RUN_OPTIONS =
      Set.of("--backend", "--warmup", "--duration", "--out");

  private static final Set<String> VARIABLES = Set.of("tmp", "clientUrls", "monitorUrls", "hlog");

  private final List<ReadmeCommand> readme = readmeCommands();

  @Test
  void everyReadmeCommandIsRunOrMappedToTheTestThatRunsIt() {
    Set<String> covered =
        ReadmeCoverage.ALL.stream().map(Coverage::command).collect(Collectors.toSet());

    assertThat(readme)
        .as(
            "commands README shows that ReadmeCommandsIT does not run and ReadmeCoverage maps to no"
                + " test: add a line to ReadmeCoverage")
        .filteredOn(command -> !covered.contains(command.text()))
        .isEmpty();
  }

  @Test
  void everyCoveredCommandIsStillInReadmeAsWritten() {
    Set<String> shown = readme.stream().map(ReadmeCommand::text).collect(Collectors.toSet());

    assertThat(ReadmeCoverage.ALL)
        .as(
            "entries of ReadmeCoverage whose command README no longer shows as written: update them")
        .extracting(Coverage::command)
        .filteredOn(command -> !shown.contains(command))
        .isEmpty();
  }

  @Test
  void everyCommandIsCoveredOnce() {
    List<String> commands = ReadmeCoverage.ALL.stream().map(Coverage::command).toList();

    assertThat(commands).as("commands covered twice").doesNotHaveDuplicates();
  }

  @Test
  void aMappedCommandNamesAFileThatHoldsItsKeyArguments() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Coverage entry : ReadmeCoverage.ALL) {
      if (entry instanceof MappedTo mapped) {
        problems.addAll(mappingProblems(mapped));
      }
    }

    assertThat(problems).isEmpty();
  }

  @Test
  void onlyCommandsNamedInASentenceAreMentions() {
    Set<String> inBlocks =
        readme.stream()
            .filter(command -> !command.inline())
            .map(ReadmeCommand::text)
            .collect(Collectors.toSet());

    assertThat(ReadmeCoverage.ALL)
        .as("a command in a code block is given to type: run it or map it to its test")
        .filteredOn(entry -> entry instanceof Mention)
        .extracting(Coverage::command)
        .filteredOn(inBlocks::contains)
        .isEmpty();
  }

  @Test
  void aRunCommandIsReadmesWithOnlyPlaceholdersFilledAndShortRunOptionsAdded() {
    List<String> problems = new ArrayList<>();
    for (Coverage entry : ReadmeCoverage.ALL) {
      if (entry instanceof Runs run) {
        problems.addAll(runProblems(run));
      }
    }

    assertThat(problems).isEmpty();
  }

  private static List<String> mappingProblems(MappedTo mapped) throws IOException {
    List<String> problems = new ArrayList<>();
    Path file = ROOT.resolve(mapped.file());
    if (!Files.isRegularFile(file)) {
      return List.of(mapped.command() + ": " + mapped.file() + " does not exist");
    }
    String content = Files.readString(file);
    if (mapped.keyArguments().isEmpty() || mapped.reason().isBlank()) {
      problems.add(mapped.command() + ": a mapping needs key arguments and a reason");
    }
    for (String key : mapped.keyArguments()) {
      if (!mapped.command().contains(key)) {
        problems.add(mapped.command() + ": key argument '" + key + "' is not in the command");
      }
      if (!content.contains(key)) {
        problems.add(mapped.command() + ": " + mapped.file() + " does not contain '" + key + "'");
      }
    }
    return problems;
  }

  private static List<String> runProblems(Runs run) {
    List<String> problems = new ArrayList<>();
    String name = run.command() + ": ";
    for (Coverage.Replacement replacement : run.replacements()) {
      if (!run.command().contains(replacement.shown())) {
        problems.add(name + "replaces '" + replacement.shown() + "', which it does not contain");
      }
    }
    for (String argument : run.arguments()) {
      if (Pattern.compile("[<>\\[\\]|]|\\.\\.\\.").matcher(argument).find()) {
        problems.add(name + "placeholder '" + argument + "' left unfilled");
      }
    }
    for (String variable : run.variables()) {
      if (!VARIABLES.contains(variable)) {
        problems.add(name + "unknown variable {" + variable + "}; known: " + VARIABLES);
      }
    }
    for (String added : run.added()) {
      if (added.startsWith("-") && !SHORT_RUN_OPTIONS.contains(added)) {
        problems.add(name + "adds " + added + "; a run may add only " + SHORT_RUN_OPTIONS);
      }
    }
    if (run.prints().isEmpty() || run.exits().isEmpty()) {
      problems.add(name + "says neither the exit code nor the line it must print");
    }
    return problems;
  }

  private static List<ReadmeCommand> readmeCommands() {
    try {
      return ReadmeCommands.in(ROOT.resolve("README.md"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
