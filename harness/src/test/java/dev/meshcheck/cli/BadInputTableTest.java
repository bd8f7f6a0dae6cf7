package dev.meshcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.scenario.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README's "Bad input" table says what {@link BadInputCatalogue} holds, row for row, so that what
 * README promises is what {@link BadInputCatalogueIT} checks.
 */
class BadInputTableTest {
  static final String HEADING = "### Bad input";
  static final String HEADER = "| input | what meshcheck says | exit |";

  @Test
  void readmesBadInputTableIsTheCatalogue() throws IOException {
    List<String> expected =
        BadInputCatalogue.CASES.stream()
            .map(c -> "| " + c.input() + " | `meshcheck: " + c.message() + "` | 2 |")
            .toList();

    assertThat(tableRows(ProjectLayout.discover().root().resolve("README.md")))
        .as("README's table; the catalogue's rows are:%n%s%n", String.join("\n", expected))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void noMessageHoldsWhatWouldBreakTheTable() {
    assertThat(BadInputCatalogue.CASES)
        .allSatisfy(c -> assertThat(c.message()).doesNotContain("`", "|", "\n"))
        .allSatisfy(c -> assertThat(c.input()).doesNotContain("|", "\n"));
  }

  private static List<String> tableRows(Path readme) throws IOException {
    List<String> lines = Files.readAllLines(readme);
    int heading = lines.indexOf(HEADING);
    assertThat(heading).as("README has a '%s' section", HEADING).isNotNegative();
    int header = lines.subList(heading, lines.size()).indexOf(HEADER) + heading;
    assertThat(header).as("the section has a table headed '%s'", HEADER).isGreaterThan(heading);
    return lines.subList(header + 2, lines.size()).stream()
        .takeWhile(line -> line.startsWith("|"))
        .toList();
  }
}
