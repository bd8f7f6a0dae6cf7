package dev.meshcheck.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a scenario puts its connections: {@code on:} fields, topology roles, and their errors. */
class PlacementFilesTest {
  private final ProjectLayout layout = ProjectLayout.discover();
  @TempDir Path dir;

  @Test
  void rolesMayNameNodesClustersNumbersAndTopologyRoles() throws IOException {
    LoadScenario s =
        load(
            """
            name: placed
            topology: supercluster-2x3
            workload:
              kind: queue-fan-out
              subject: jobs.a
              publishers: { count: 2, on: [1, west-2] }
              subscribers: { count: 1, on: local }
              service: { queue: q, members: 3, on: west }
              rate: 100/s
            """);
    Topology t = s.topology();
    Placement p = s.workload().placement();
    assertThat(s.workload().senders().count()).isEqualTo(2);
    assertThat(t.nodesFor(p.senders()))
        .extracting(NodeSpec::name)
        .containsExactly("east-1", "west-2");
    assertThat(t.nodesFor(p.subscribers()))
        .as("local is east on supercluster-2x3")
        .extracting(NodeSpec::name)
        .containsExactly("east-1", "east-2", "east-3");
    assertThat(t.nodesFor(p.members()))
        .extracting(NodeSpec::name)
        .containsExactly("west-1", "west-2", "west-3");
  }

  @Test
  void scalarCountsAndMissingOnMeanSpread() throws IOException {
    LoadScenario s =
        load(
            "name: s\ntopology: cluster-3\nworkload: { kind: request-reply, subject: a,"
                + " clients: 2, service: { members: 1 }, rate: max }\n");
    assertThat(s.workload().placement()).isEqualTo(Placement.spread());
    assertThat(s.topology().nodesFor(NodeChoice.spread())).hasSize(3);
  }

  @Test
  void aPlacementTheTopologyLacksNamesFileLineFieldAndWhatIsValid() throws IOException {
    Path file =
        write(
            """
            name: lacks
            topology: cluster-3
            workload:
              kind: request-reply
              subject: svc.a
              clients: { count: 1, on: east }
              service: { members: 1, on: west }
              rate: 100/s
            """);
    assertThatThrownBy(() -> LoadScenarioFiles.load(file, layout))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(file + ":7")
        .hasMessageContaining("field 'workload.service.on'")
        .hasMessageContaining("names 'west', which topology 'cluster-3' lacks")
        .hasMessageContaining(
            "nodes 1..3 (east-1, east-2, east-3), clusters east, roles local, remote");
  }

  @Test
  void anotherTopologyChecksThePlacementAgainWithTheScenarioFilesLine() throws IOException {
    Path file =
        write(
            "name: moved\ntopology: supercluster-2x3\nworkload:\n  kind: fan-out\n  subject: a\n"
                + "  subscribers: { count: 2, on: west-3 }\n  rate: 10/s\n");
    LoadScenario scenario = LoadScenarioFiles.load(file, layout);
    Topology single = TopologyFiles.resolve("single", layout);
    assertThatThrownBy(() -> scenario.withTopology(single))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(file + ":6")
        .hasMessageContaining("field 'workload.subscribers.on'")
        .hasMessageContaining("names 'west-3', which topology 'single' lacks");
  }

  @Test
  void spreadCannotBeMixedWithNodes() throws IOException {
    Path file =
        write(
            "name: m\ntopology: cluster-3\nworkload: { kind: fan-out, subject: a,"
                + " subscribers: { count: 1, on: [spread, 2] }, rate: 1/s }\n");
    assertThatThrownBy(() -> LoadScenarioFiles.load(file, layout))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("field 'workload.subscribers.on'")
        .hasMessageContaining("spread cannot be combined");
  }

  @Test
  void topologyRolesAreCheckedWhereTheyAreWritten() throws IOException {
    Path bad = write("name: t\nclusters:\n  - { name: a, nodes: 2 }\nroles:\n  far: b\n");
    assertThatThrownBy(() -> TopologyFiles.load(bad))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(bad + ":5")
        .hasMessageContaining("names 'b', which topology 't' lacks");
    Path clash = write("name: t\nclusters:\n  - { name: a, nodes: 2 }\nroles: { a: 1 }\n");
    assertThatThrownBy(() -> TopologyFiles.load(clash))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("role 'a' has the name of a node or cluster");
  }

  @Test
  void linksAreNamedByTheBoundaryTheyCross() {
    Topology sc = TopologyFiles.resolve("supercluster-2x3", layout);
    Topology leaf = TopologyFiles.resolve("leaf-hub", layout);
    assertThat(link(sc, 1, 1)).isEqualTo("same node");
    assertThat(link(sc, 1, 2)).isEqualTo("route");
    assertThat(link(sc, 1, 5)).isEqualTo("gateway");
    assertThat(link(leaf, 4, 1)).as("leaf-1 to a hub member").isEqualTo("leaf");
    assertThat(link(leaf, 1, 4)).isEqualTo("leaf");
    assertThat(link(leaf, 4, 5)).as("leaf-1 to leaf-2 through the hub").isEqualTo("leaf+leaf");
  }

  private static String link(Topology t, int from, int to) {
    return t.linkBetween(t.nodes().get(from - 1), t.nodes().get(to - 1));
  }

  private LoadScenario load(String yaml) throws IOException {
    return LoadScenarioFiles.load(write(yaml), layout);
  }

  private Path write(String yaml) throws IOException {
    Path file = Files.createTempFile(dir, "placement", ".yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
