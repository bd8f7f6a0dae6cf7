package dev.meshcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's walkthrough "Test your own server config": its command passes on the shipped example,
 * and the same feature fails once the team's config stops exporting the service to the partner.
 */
class OwnConfigWalkthroughIT {
  private static final Path EXAMPLE = ShardProcesses.root().resolve("examples/own-config");

  @TempDir Path dir;

  @Test
  void theWalkthroughsCommandPassesOnTheExample() {
    int exit =
        Main.run(
            "check",
            EXAMPLE.resolve("shop.feature").toString(),
            "--topology",
            EXAMPLE.resolve("shop-mesh.yaml").toString(),
            "--backend",
            "processes",
            "--out",
            dir.resolve("report").toString());

    assertThat(exit).isEqualTo(ExitCodes.OK);
  }

  @Test
  void theSameFeatureFailsWhenTheConfigNoLongerExportsTheServiceToThePartner() throws Exception {
    Path config = dir.resolve("shop-accounts.conf");
    String own = Files.readString(EXAMPLE.resolve("shop-accounts.conf"));
    String broken = own.replace("accounts: [ PARTNER ]", "accounts: [ PUBLIC ]");
    assertThat(broken).isNotEqualTo(own);
    Files.writeString(config, broken);
    Files.copy(EXAMPLE.resolve("shop-mesh.yaml"), dir.resolve("shop-mesh.yaml"));

    int exit =
        Main.run(
            "check",
            EXAMPLE.resolve("shop.feature").toString(),
            "--topology",
            dir.resolve("shop-mesh.yaml").toString(),
            "--backend",
            "processes",
            "--out",
            dir.resolve("report").toString());

    assertThat(exit).as("the partner's orders are no longer answered").isEqualTo(ExitCodes.FAILED);
    assertThat(dir.resolve("report/conformance-summary.md"))
        .content()
        .contains("A partner places orders under its own subject, across nodes");
  }
}
