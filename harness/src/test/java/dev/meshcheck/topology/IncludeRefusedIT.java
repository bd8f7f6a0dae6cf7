package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshcheck.scenario.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An include that nats-server refuses is bad input at the user's own file and line, with the
 * server's words, on either backend; a nested include that is fine is read beside its includer.
 */
class IncludeRefusedIT {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Backend.class,
      names = {"PROCESSES", "CONTAINERS"})
  void anUnknownFieldInANestedIncludeNamesTheUsersFileAndLine(Backend backend) throws Exception {
    Path nested = dir.resolve("parts/limits.conf");
    Files.createDirectories(nested.getParent());
    Files.writeString(nested, "max_payload: 65536\nmax_paylod: 1024\n");
    Path include =
        Files.writeString(dir.resolve("mesh.conf"), "# limits\ninclude parts/limits.conf\n");

    assertThatThrownBy(
            () -> {
              try (RunningMesh mesh =
                  TestMeshes.launcher(backend)
                      .launch(TestMeshes.topology("single").withInclude(include))) {
                throw new AssertionError("the mesh started with an unknown field");
              }
            })
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(nested + ":2")
        .hasMessageContaining("unknown field \"max_paylod\"");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Backend.class,
      names = {"PROCESSES", "CONTAINERS"})
  void aNestedIncludeIsReadBesideTheFileThatNamesIt(Backend backend) throws Exception {
    Path nested = dir.resolve("parts/limits.conf");
    Files.createDirectories(nested.getParent());
    Files.writeString(nested, "max_payload: 65536\n");
    Path include = Files.writeString(dir.resolve("mesh.conf"), "include \"parts/limits.conf\"\n");

    try (RunningMesh mesh =
        TestMeshes.launcher(backend).launch(TestMeshes.topology("single").withInclude(include))) {
      try (io.nats.client.Connection client =
          io.nats.client.Nats.connect(mesh.node(1).clientUrl())) {
        assertThat(client.getServerInfo().getMaxPayload()).isEqualTo(65536);
      }
    }
  }
}
