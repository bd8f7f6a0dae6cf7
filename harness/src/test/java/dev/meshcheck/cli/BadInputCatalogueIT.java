package dev.meshcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.cli.BadInputCatalogue.Case;
import dev.meshcheck.cli.BadInputCatalogue.Outcome;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bad input of {@link BadInputCatalogue} through the real command line (in this JVM, or the
 * jar where the environment or the working folder is part of the input): exit 2, one line that is
 * the catalogue's message, no stack trace. No mesh is launched, except one nats-server that refuses
 * its config.
 */
class BadInputCatalogueIT {
  @TempDir Path tempDir;

  static Stream<Case> cases() {
    return BadInputCatalogue.CASES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  // A case whose input is accepted after all might hold a mesh (up): fail it instead of hanging.
  @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void isOneLineNamingWhereAndWhatIsValidWithExitTwo(Case badInput) throws Exception {
    Path dir = tempDir.toRealPath();

    Outcome outcome = badInput.attempt().run(dir);

    String stderr = outcome.stderr();
    assertThat(stderr).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(outcome.exit()).as("exit code; stderr: %s", stderr).isEqualTo(2);
    String said = relative(stderr.strip(), dir);
    assertThat(said).as("one line").doesNotContain("\n");
    assertThat(said).matches(pattern("meshcheck: " + badInput.message()));
  }

  /** {@code message} word for word, but for each {@code ...}, which stands for any text. */
  static Pattern pattern(String message) {
    return Pattern.compile(
        Arrays.stream(message.split(Pattern.quote("..."), -1))
            .map(Pattern::quote)
            .collect(Collectors.joining(".*")));
  }

  /** Paths as README shows them: relative to the case's folder or to the checkout. */
  private static String relative(String text, Path dir) {
    return text.replace(dir + "/", "").replace(ShardProcesses.root() + "/", "");
  }
}
