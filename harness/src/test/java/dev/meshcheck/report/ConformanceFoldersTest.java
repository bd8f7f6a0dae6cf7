package dev.meshcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check run gets its own folder; "latest" moves only when a run completed. */
class ConformanceFoldersTest {
  @TempDir Path conformance;

  @Test
  void runsInTheSameSecondGetTheirOwnFolders() {
    Path first = ConformanceFolders.newRun(conformance);
    Path second = ConformanceFolders.newRun(conformance);

    assertThat(first).isDirectory().isNotEqualTo(second);
    assertThat(second).isDirectory().hasParent(conformance.resolve("runs"));
  }

  @Test
  void latestPointsAtTheLastCompletedRunNotAtOneThatNeverCompleted() throws Exception {
    Path completed = ConformanceFolders.newRun(conformance);
    Files.writeString(completed.resolve("conformance.json"), "{\"status\":\"complete\"}");
    ConformanceFolders.markLatest(conformance, completed);
    Path killed = ConformanceFolders.newRun(conformance); // never marked: killed mid-run
    Files.writeString(killed.resolve("cucumber-junit.xml"), "");

    Path latest = conformance.resolve(ConformanceFolders.LATEST);
    assertThat(latest.toRealPath()).isEqualTo(completed.toRealPath());
    assertThat(latest.resolve("conformance.json")).content().contains("complete");

    Path next = ConformanceFolders.newRun(conformance);
    ConformanceFolders.markLatest(conformance, next);
    assertThat(latest.toRealPath()).isEqualTo(next.toRealPath());
    assertThat(Files.isSymbolicLink(latest)).isTrue();
  }
}
