package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshcheck.scenario.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A topology's include with includes of its own, as nats-server would read it from its folder. */
class IncludedConfigTest {
  @TempDir Path dir;

  @Test
  void nestedIncludesAreFoundBesideTheFileThatNamesThemAndEachLineKnowsItsOrigin()
      throws Exception {
    Path accounts = write("conf/accounts.conf", "accounts {\n  include \"parts/a.conf\"\n}\n");
    Path part = write("conf/parts/a.conf", "A: { users: [ { user: a, password: a } ] }\n");
    Path main = write("conf/mesh.conf", "# ours\ninclude ./accounts.conf\nmax_payload: 1MB\n");

    IncludedConfig config = IncludedConfig.of(main);

    assertThat(config.text())
        .isEqualTo(
            "# ours\naccounts {\nA: { users: [ { user: a, password: a } ] }\n}\nmax_payload: 1MB\n");
    assertThat(config.origin(2)).contains(new IncludedConfig.Origin(part, 1));
    assertThat(config.origin(3)).contains(new IncludedConfig.Origin(accounts, 3));
    assertThat(config.origin(4)).contains(new IncludedConfig.Origin(main, 3));
    assertThat(config.origin(5)).isEmpty();
  }

  @Test
  void aMissingNestedIncludeIsBadInputAtTheLineThatNamesIt() throws Exception {
    Path main = write("mesh.conf", "port: 4222\ninclude 'nope.conf'\n");

    assertThatThrownBy(() -> IncludedConfig.of(main))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(main + ":2")
        .hasMessageContaining("nope.conf, which does not exist");
  }

  @Test
  void aCircularIncludeIsBadInputNamingTheCycle() throws Exception {
    Path main = write("mesh.conf", "include other.conf\n");
    Path other = write("other.conf", "\ninclude mesh.conf\n");

    assertThatThrownBy(() -> IncludedConfig.of(main))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(other + ":2")
        .hasMessageContaining("a cycle");
  }

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
