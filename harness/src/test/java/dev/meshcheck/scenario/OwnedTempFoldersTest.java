package dev.meshcheck.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacked folders of a JVM that was killed go at the next unpacking; no other folder does. */
class OwnedTempFoldersTest {
  @TempDir Path temp;

  @Test
  void onlyFoldersWhoseMakerIsGoneAreRemoved() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    long startMillis =
        finished.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(1L);
    finished.waitFor();
    assumeTrue(ProcessHandle.of(finished.pid()).isEmpty(), "the pid was reused at once");
    Path ours = OwnedTempFolders.create(temp, "meshcheck-files-");
    Path killed = Files.createDirectories(temp.resolve("meshcheck-files-killed/scenarios"));
    Files.writeString(
        killed.getParent().resolve(OwnedTempFolders.OWNER_FILE),
        finished.pid() + "@" + startMillis);
    Path unmarked = Files.createDirectories(temp.resolve("meshcheck-files-just-made"));
    Path other = Files.createDirectories(temp.resolve("someone-else"));

    assertThat(OwnedTempFolders.removeOrphans(temp, "meshcheck-files-"))
        .containsExactly(killed.getParent());

    assertThat(killed.getParent()).doesNotExist();
    assertThat(ours).as("this JVM's own folder").isDirectory();
    assertThat(unmarked).as("a folder another JVM has not marked yet").isDirectory();
    assertThat(other).isDirectory();
  }
}
