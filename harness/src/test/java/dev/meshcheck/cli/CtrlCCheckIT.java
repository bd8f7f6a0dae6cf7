package dev.meshcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Ctrl-C during {@code meshcheck check}: the run exits 130 within seconds, its Cucumber JUnit XML
 * parses and its HTML renders, both holding the scenarios that ended; the conformance report says
 * partial and {@code latest} points at it; no nats-server of the run is left.
 */
class CtrlCCheckIT {
  private static final String FIRST = "the first scenario";

  @TempDir Path dir;

  @Test
  void ctrlCAfterAScenarioEndedLeavesWholeReportsOfTheEndedOnesAndExits130() throws Exception {
    Path features = writeFeatures();
    Path log = dir.resolve("check.log");
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    // Run outside a checkout (the shipped topologies come from the jar), so that reports and
    // latest go under this test's folder, and with the run's own temp folder, so that every
    // nats-server it starts can be found by its config path.
    Process check =
        new ProcessBuilder(
                List.of(
                    ShardProcesses.javaBinary(),
                    "-Djava.io.tmpdir=" + tmp,
                    "-jar",
                    ShardProcesses.jar().toString(),
                    "check",
                    features.toString(),
                    "--backend",
                    "processes"))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Path conformance = dir.resolve("reports/conformance");
    long started = System.nanoTime();
    try {
      awaitFirstScenarioEnded(check, conformance, log);
      System.out.printf(
          "start to first scenario ended: %d ms%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      CtrlCPress.pressAndAwaitExit(check);
    } finally {
      check.destroyForcibly();
    }

    assertThat(check.exitValue()).as(Files.readString(log)).isEqualTo(130);
    Path run = onlyRun(conformance);
    List<String> passedInXml = passedTestCases(run.resolve("cucumber-junit.xml"));
    assertThat(passedInXml).as("the JUnit XML parses and holds the ended scenario").contains(FIRST);
    assertThat(renderedText(run.resolve("cucumber.html")))
        .as("the HTML report is whole: it renders the ended scenario")
        .contains(FIRST);
    JsonNode report = new ObjectMapper().readTree(run.resolve("conformance.json").toFile());
    assertThat(report.path("status").asText()).as("conformance.json").isEqualTo("partial");
    assertThat(report.path("passed").asInt()).as("the first scenario passed").isPositive();
    assertThat(report.path("interrupted")).as("the scenarios the stop cut short").isNotEmpty();
    assertThat(conformance.resolve("latest").toRealPath())
        .as("latest shows CI this run, partial, not an older run's verdict")
        .isEqualTo(run.toRealPath());

    assertThat(natsServersOf(tmp)).as("no nats-server of the run is left").isEmpty();
  }

  /**
   * A quick first scenario, then three that pause a node for a few seconds: Ctrl-C lands in the
   * second, on the mesh the first left for it.
   */
  private Path writeFeatures() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("features/timing"));
    StringBuilder feature =
        new StringBuilder("Feature: Scenarios that take a few seconds each\n")
            .append("\n  Scenario: ")
            .append(FIRST)
            .append("\n    Given a \"cluster-3\" mesh\n")
            .append("    And a subscriber \"s\" on node 2 listening to \"a.b\"\n")
            .append("    When a publisher on node 3 sends 5 messages to \"a.b\"\n")
            .append("    Then \"s\" receives exactly 5 messages\n");
    for (String name : List.of("the second", "the third", "the fourth")) {
      feature
          .append("\n  @faults\n  Scenario: ")
          .append(name)
          .append(" pauses a node\n    Given a \"cluster-3\" mesh\n")
          .append("    When node 1 is paused for 4 seconds\n");
    }
    Files.writeString(folder.resolve("pauses.feature"), feature);
    return folder;
  }

  /** conformance.json is rewritten after every scenario: wait until it counts one that passed. */
  private static void awaitFirstScenarioEnded(Process check, Path conformance, Path log)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline && check.isAlive()) {
      if (Files.isDirectory(conformance.resolve("runs"))) {
        Path json = onlyRun(conformance).resolve("conformance.json");
        try {
          if (Files.exists(json)
              && new ObjectMapper().readTree(json.toFile()).path("passed").asInt() > 0) {
            return;
          }
        } catch (java.io.IOException halfWritten) {
          // Read while the run rewrote it; the next look sees it whole.
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no scenario ended:\n" + Files.readString(log));
  }

  private static Path onlyRun(Path conformance) throws Exception {
    try (var runs = Files.list(conformance.resolve("runs"))) {
      List<Path> all = runs.toList();
      assertThat(all).as("one run folder").hasSize(1);
      return all.get(0);
    }
  }

  private static List<String> passedTestCases(Path junitXml) throws Exception {
    NodeList cases =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(junitXml.toFile())
            .getElementsByTagName("testcase");
    List<String> passed = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      Element testCase = (Element) cases.item(i);
      if (testCase.getElementsByTagName("failure").getLength() == 0
          && testCase.getElementsByTagName("skipped").getLength() == 0) {
        passed.add(testCase.getAttribute("name"));
      }
    }
    return passed;
  }

  /**
   * The page's text as headless Chromium renders it, without scripts and styles: Cucumber's page
   * embeds its results in a script and draws them once it has loaded, which a page cut off
   * mid-write never does.
   */
  private static String renderedText(Path html) throws Exception {
    Process chromium =
        new ProcessBuilder(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--virtual-time-budget=5000",
                "--dump-dom",
                html.toUri().toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    return dom.replaceAll("(?s)<script[^>]*>.*?</script>", "")
        .replaceAll("(?s)<style[^>]*>.*?</style>", "");
  }

  private static List<ProcessHandle> natsServersOf(Path tmp) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().orElse("").endsWith("nats-server"))
        .filter(
            p ->
                String.join(" ", p.info().arguments().orElse(new String[0]))
                    .contains(tmp.toString()))
        .filter(ProcessHandle::isAlive)
        .toList();
  }
}
