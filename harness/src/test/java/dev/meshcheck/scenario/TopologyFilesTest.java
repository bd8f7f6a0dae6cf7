package dev.meshcheck.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyFilesTest {
  private static final ProjectLayout LAYOUT = ProjectLayout.discover();

  @TempDir Path dir;

  @Test
  void everyShippedTopologyParses() {
    assertThat(TopologyFiles.knownNames(LAYOUT))
        .as("the topologies the README promises")
        .contains("single", "cluster-3", "supercluster-2x3", "leaf-hub", "cluster-3-jetstream");
    for (String name : TopologyFiles.knownNames(LAYOUT)) {
      assertThat(TopologyFiles.resolve(name, LAYOUT).name()).as(name).isEqualTo(name);
    }
  }

  @Test
  void superclusterNumbersEastBeforeWest() {
    Topology topology = TopologyFiles.resolve("supercluster-2x3", LAYOUT);

    assertThat(topology.hasGateways()).isTrue();
    assertThat(topology.nodes())
        .extracting(NodeSpec::number, NodeSpec::name, NodeSpec::clusterName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "east-1", "east"),
            org.assertj.core.groups.Tuple.tuple(2, "east-2", "east"),
            org.assertj.core.groups.Tuple.tuple(3, "east-3", "east"),
            org.assertj.core.groups.Tuple.tuple(4, "west-1", "west"),
            org.assertj.core.groups.Tuple.tuple(5, "west-2", "west"),
            org.assertj.core.groups.Tuple.tuple(6, "west-3", "west"));
  }

  @Test
  void leafNodesComeAfterTheClusters() {
    Topology topology = TopologyFiles.resolve("leaf-hub", LAYOUT);

    assertThat(topology.nodes()).hasSize(5);
    NodeSpec leaf = topology.nodes().get(3);
    assertThat(leaf.name()).isEqualTo("leaf-1");
    assertThat(leaf.isLeaf()).isTrue();
    assertThat(leaf.hubCluster()).contains("hub");
  }

  @Test
  void includeResolvesAgainstTheTopologyFile() throws IOException {
    Files.createDirectories(dir.resolve("configs"));
    Files.writeString(dir.resolve("configs/accounts.conf"), "accounts { A: {} }\n");
    Path file =
        write(
            "name: with-accounts\nclusters:\n  - { name: c, nodes: 1 }\n"
                + "include: configs/accounts.conf\n");

    assertThat(TopologyFiles.load(file).include()).contains(dir.resolve("configs/accounts.conf"));
  }

  @Test
  void aWrongNodeCountNamesFileLineAndField() throws IOException {
    Path file = write("name: bad\nclusters:\n  - name: east\n    nodes: three\n");

    assertThatThrownBy(() -> TopologyFiles.load(file))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            file
                + ":4: field 'clusters[0].nodes': must be a whole number from 1 to 15, was 'three'");
  }

  @Test
  void anUnknownFieldSuggestsTheNearestAndListsTheValidOnes() throws IOException {
    Path file = write("name: bad\nclusters:\n  - { name: east, nodes: 3 }\ngateway: full-mesh\n");

    assertThatThrownBy(() -> TopologyFiles.load(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(":4: field 'gateway': unknown field (did you mean 'gateways'?);")
        .hasMessageContaining("gateways");
  }

  @Test
  void aClusterNameWithADotIsRefusedAtItsLine() throws IOException {
    Path file = write("name: dotted\nclusters:\n  - { name: east.1, nodes: 3 }\n");

    assertThatThrownBy(() -> TopologyFiles.load(file))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            file
                + ":3: field 'clusters[0].name': must be a name of letters, digits, '-' or '_',"
                + " was 'east.1'");
  }

  @Test
  void aMissingFieldIsNamed() throws IOException {
    Path file = write("name: bad\n");

    assertThatThrownBy(() -> TopologyFiles.load(file))
        .hasMessageContaining("field 'clusters': is required but missing");
  }

  @Test
  void aLeafNodeMustNameAnExistingHub() throws IOException {
    Path file =
        write(
            "name: bad\nclusters:\n  - { name: hub, nodes: 3 }\nleafnodes:\n"
                + "  - { name: leaf-1, hub: hbu }\n");

    assertThatThrownBy(() -> TopologyFiles.load(file))
        .hasMessageContaining(":5: field 'leafnodes[0].hub': must name one of the clusters (hub)");
  }

  @Test
  void aDuplicateClusterOrLeafNameIsRejectedAtItsLine() throws IOException {
    Path file =
        write("name: bad\nclusters:\n  - { name: east, nodes: 1 }\n  - { name: east, nodes: 2 }\n");
    assertThatThrownBy(() -> TopologyFiles.load(file))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            file
                + ":4: field 'clusters[1].name': 'east' is already the name of a cluster or leaf"
                + " node above; choose another");

    write(
        "name: bad\nclusters:\n  - { name: east, nodes: 1 }\nleafnodes:\n  - { name: east, hub: east }\n");
    assertThatThrownBy(() -> TopologyFiles.load(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(file + ":5: field 'leafnodes[0].name': 'east' is already");
  }

  @Test
  void brokenYamlGivesItsLine() throws IOException {
    Path file = write("name: bad\nclusters: [\n  { name: east, nodes: 3 \n");

    assertThatThrownBy(() -> TopologyFiles.load(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void anUnknownTopologyNameListsTheKnownOnes() {
    assertThatThrownBy(() -> TopologyFiles.resolve("cluster-4", LAYOUT))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("known: ")
        .hasMessageContaining("cluster-3");
  }

  @Test
  void aMissingIncludeIsNamed() throws IOException {
    Path file = write("name: bad\nclusters:\n  - { name: c, nodes: 1 }\ninclude: nowhere.conf\n");

    assertThatThrownBy(() -> TopologyFiles.load(file))
        .hasMessageContaining(":4: field 'include': names a server config that does not exist");
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("topology.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
