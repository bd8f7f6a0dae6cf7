package dev.meshcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalErr;

  @BeforeEach
  void captureStderr() {
    originalErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStderr() {
    System.setErr(originalErr);
  }

  @Test
  void anUnknownTagExitsWithTwoBeforeAnyMeshIsLaunched() throws IOException {
    Path feature = Files.createDirectories(dir.resolve("team")).resolve("mine.feature");
    Files.writeString(
        feature,
        "@team\nFeature: f\n  @jetstrem\n  Scenario: s\n    Given a \"no-such-topology\" mesh\n");

    int exit =
        Main.run(
            "check",
            feature.toString(),
            "--backend",
            "processes",
            "--out",
            dir.resolve("out").toString());

    assertThat(exit).as("bad input").isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .as("one line naming file, line, the tag and the known ones; no stack trace")
        .contains(
            feature
                + ":3: field 'tags': unknown tag '@jetstrem' (did you mean '@jetstream'?); known: ")
        .contains("@jetstream")
        .doesNotContain("\tat ");
  }

  @Test
  void anUndefinedStepExitsWithTwoNamingItsLineAndTheClosestStepsBeforeAnyMeshIsLaunched()
      throws IOException {
    Path feature = dir.resolve("typo.feature");
    Files.writeString(
        feature,
        "Feature: f\n  Scenario: s\n    Given a \"no-such-topology\" mesh\n"
            + "    When a subscriber \"sub\" listens on \"a.b\" at node 1\n");

    int exit =
        Main.run(
            "check",
            feature.toString(),
            "--backend",
            "processes",
            "--out",
            dir.resolve("out").toString());

    assertThat(exit).as("bad input").isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .as("the step's file and line, and the library's closest step; no stack trace")
        .contains(feature + ":4: field 'step': no step of meshcheck matches")
        .contains("'a subscriber {string} on node {node} listening to {string}'")
        .doesNotContain("\tat ");
  }

  @Test
  void aGherkinSyntaxErrorExitsWithTwoNamingItsLine() throws IOException {
    Path feature =
        write(
            "syntax.feature",
            "Feature: f\n  Scenario: s\n    Given a \"single\" mesh\n      | a | b |\n      | c |\n");

    assertRefused(check(feature), feature + ":5: not valid Gherkin: inconsistent cell count");
  }

  @Test
  void anUnknownTopologyExitsWithTwoListingTheKnownOnesAndTheNearest() throws IOException {
    Path feature =
        write(
            "topology.feature",
            "Feature: f\n  Scenario: s\n    Given a \"cluster3\" mesh\n"
                + "    When a publisher on node 1 sends 1 message to \"a.b\"\n");

    assertRefused(
        check(feature),
        feature + ":3: field 'topology': no topology 'cluster3': no such file, and no topology",
        "scenarios/topologies (did you mean 'cluster-3'?); known: cluster-3, ",
        "leaf-hub, single, supercluster-2x3");
  }

  @Test
  void aNodeNumberBeyondTheTopologyExitsWithTwoNamingItsNodes() throws IOException {
    Path feature =
        write(
            "node.feature",
            "Feature: f\n  Scenario: s\n    Given a \"cluster-3\" mesh\n"
                + "    When a publisher on node 7 sends 10 messages to \"a.b\"\n");

    assertRefused(
        check(feature),
        feature
            + ":4: field 'node': node 7 is not in topology 'cluster-3', whose nodes are 1..3"
            + " (east-1, east-2, east-3)");
  }

  @Test
  void aNodeNameNotInTheTopologyExitsWithTwo() throws IOException {
    Path feature =
        write(
            "name.feature",
            "Feature: f\n  Background:\n    Given a \"cluster-3\" mesh\n\n"
                + "  Scenario: s\n    Given a subscriber \"s\" on node west-2 listening to \"a\"\n");

    assertRefused(check(feature), feature + ":6: field 'node': node west-2 is not in topology");
  }

  @Test
  void nodesAreCheckedAgainstTheTopologyThatReplacesTheScenariosOwn() throws IOException {
    Path feature =
        write(
            "override.feature",
            "Feature: f\n  Scenario: s\n    Given a \"cluster-3\" mesh\n"
                + "    When a client on node 3 sends 5 requests to \"svc.x\"\n");

    assertRefused(
        check(feature, "--topology", "single"),
        feature + ":4: field 'node': node 3 is not in topology 'single' (from --topology",
        "whose nodes are 1..1 (solo-1)");
  }

  @Test
  void aNodeNamedBeforeTheScenarioHasAMeshExitsWithTwo() throws IOException {
    Path feature =
        write(
            "early.feature",
            "Feature: f\n  Scenario: s\n    Given a subscriber \"s\" on node 1 listening to \"a\"\n"
                + "    And a \"single\" mesh\n");

    assertRefused(
        check(feature), feature + ":3: field 'node': names node 1 before the scenario has a mesh");
  }

  @Test
  void aRouteBetweenClustersExitsWithTwoNamingTheLink() throws IOException {
    Path feature =
        write(
            "route.feature",
            "Feature: f\n  @gateways @link-faults\n  Scenario: s\n"
                + "    Given a \"supercluster-2x3\" mesh\n"
                + "    When the link between node 1 and node 4 gets 50 ms latency\n");

    assertRefused(
        check(feature),
        feature + ":5: field 'link': the route between node 1 and node 4: a route joins two",
        "in topology 'supercluster-2x3'");
  }

  @Test
  void aGatewayOnATopologyWithoutGatewaysExitsWithTwo() throws IOException {
    Path feature =
        write(
            "gateway.feature",
            "Feature: f\n  @link-faults\n  Scenario: s\n    Given a \"cluster-3\" mesh\n"
                + "    When the gateway between cluster \"east\" and cluster \"west\" is partitioned\n");

    assertRefused(
        check(feature), feature + ":5: field 'link':", "topology cluster-3 has no gateways");
  }

  @Test
  void anUnknownClusterExitsWithTwoNamingTheClusters() throws IOException {
    Path feature =
        write(
            "cluster.feature",
            "Feature: f\n  @gateways\n  Scenario: s\n    Given a \"supercluster-2x3\" mesh\n"
                + "    And a service \"o\" answering \"svc.>\" in queue group \"q\" with 2 members"
                + " in cluster \"north\"\n");

    assertRefused(
        check(feature),
        feature
            + ":5: field 'cluster': cluster 'north' is not in topology 'supercluster-2x3',"
            + " whose clusters are east, west");
  }

  @Test
  void aScenarioSkippedForItsTagsIsNotHeldAgainstAMeshThatLacksThem() throws IOException {
    Path feature =
        write(
            "skipped.feature",
            "Feature: f\n  @gateways\n  Scenario: needs gateways\n"
                + "    Given a \"supercluster-2x3\" mesh\n"
                + "    When a publisher on node 6 sends 1 message to \"a\"\n"
                + "  Scenario: names a node cluster-3 lacks\n    Given a \"single\" mesh\n"
                + "    When a publisher on node 5 sends 1 message to \"a\"\n");

    assertRefused(
        check(feature, "--topology", "cluster-3"),
        feature + ":8: field 'node': node 5 is not in topology 'cluster-3'");
  }

  @Test
  void tagsThatSelectNoScenarioExitWithTwo() throws IOException {
    Path feature =
        write("none.feature", "Feature: f\n  Scenario: s\n    Given a \"single\" mesh\n");

    assertRefused(
        check(feature, "--tags", "@discovery"), "no scenario is selected by --tags '@discovery'");
  }

  @Test
  void anUnreachableUrlExitsWithTwoInOneLineBeforeAnyScenarioRuns() throws IOException {
    Path feature =
        write(
            "external.feature",
            "Feature: f\n  Scenario: s\n    Given a \"single\" mesh\n"
                + "    When a publisher on node 1 sends 1 message to \"a\"\n");

    int exit = check(feature, "--url", "nats://127.0.0.1:1");

    assertRefused(
        exit,
        "--url: nats://127.0.0.1:1: nothing listens there (connection refused); is the mesh running?");
    assertThat(err.toString(StandardCharsets.UTF_8).strip().lines())
        .as("one line, not a stack trace per scenario")
        .hasSize(1);
    assertThat(dir.resolve("out/cucumber-junit.xml")).as("no scenario ran").doesNotExist();
  }

  private Path write(String name, String gherkin) throws IOException {
    return Files.writeString(dir.resolve(name), gherkin);
  }

  private int check(Path feature, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "check",
                feature.toString(),
                "--backend",
                "processes",
                "--out",
                dir.resolve("out").toString()));
    args.addAll(List.of(options));
    return Main.run(args.toArray(String[]::new));
  }

  private void assertRefused(int exit, String... expected) {
    String printed = err.toString(StandardCharsets.UTF_8);
    assertThat(exit).as("bad input: %s", printed).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(printed)
        .as("one line naming the file, the line and what is valid; no stack trace")
        .contains(expected)
        .doesNotContain("\tat ");
  }
}
