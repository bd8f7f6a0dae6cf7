package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.report.ConformanceArea;
import dev.meshcheck.report.ConformanceReport;
import dev.meshcheck.report.ConformanceScenario;
import dev.meshcheck.scenario.ProjectLayout;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that each area's checks can fail: runs a feature of the area against a mesh broken on
 * purpose (configs in {@code src/test/resources/broken/}) and expects the run to fail, with the
 * failing scenario's reason naming the behaviour that broke.
 */
class BrokenMeshIT {

  static Stream<Arguments> brokenMeshes() {
    return Stream.of(
        Arguments.of(
            "discovery",
            "features/discovery/hotel.feature",
            "isolated-nodes.yaml",
            Optional.empty(),
            "A saved reservation reaches compliance and persistence on other nodes, not logging",
            "interest propagation"),
        Arguments.of(
            "balancing",
            "features/balancing/queue-groups.feature",
            "isolated-nodes.yaml",
            Optional.empty(),
            "Requests spread fairly over members on every node of the cluster",
            "interest propagation"),
        Arguments.of(
            "security",
            "features/security/accounts.feature",
            "missing-import.yaml",
            Optional.empty(),
            "An exported service answers an account that imports it, across nodes",
            "every request answered"),
        Arguments.of(
            "security",
            "features/security/permissions.feature",
            "missing-import.yaml",
            Optional.empty(),
            "A denied publish is reported and delivers nothing",
            "Permissions Violation for Publish"),
        Arguments.of(
            "failover",
            "features/failover/node-loss.feature",
            "gateways-only.yaml",
            Optional.empty(),
            "A subscriber whose node is killed fails over to a node not in its seed list",
            "reconnected to a node other than 1"),
        Arguments.of(
            "routing",
            "features/routing/mappings.feature",
            "even-weights.yaml",
            Optional.empty(),
            "A canary mapping sends about 10% of requests to v2 and 90% to v1",
            "weighted split"));
  }

  @ParameterizedTest(name = "{0}: {1} on {2} fails naming \"{5}\"")
  @MethodSource("brokenMeshes")
  void featureFailsOnBrokenMeshNamingTheBehaviour(
      String area,
      String feature,
      String brokenTopology,
      Optional<String> tags,
      String scenario,
      String behaviour)
      throws URISyntaxException {
    ProjectLayout layout = ProjectLayout.discover();
    Path topology = Path.of(getClass().getResource("/broken/" + brokenTopology).toURI());
    Path reports =
        layout
            .root()
            .resolve(
                "harness/target/broken-meshes/"
                    + Path.of(feature).getFileName()
                    + "-"
                    + brokenTopology);
    FeatureRun run =
        new FeatureRun(
            List.of(layout.root().resolve(feature)),
            tags,
            BuildRunSettings.fromBuild().withTopologyOverride(topology.toString()),
            reports);

    ConformanceReport report = run.run();

    assertThat(report.failed())
        .as("the run must fail on the broken mesh %s", brokenTopology)
        .isPositive();
    ConformanceScenario failed =
        report.areas().stream()
            .filter(a -> a.area().equals(area))
            .map(ConformanceArea::scenarios)
            .flatMap(List::stream)
            .filter(s -> s.name().equals(scenario))
            .findFirst()
            .orElseThrow(() -> new AssertionError("scenario not run: " + scenario));
    assertThat(failed.status()).as("scenario %s", scenario).isEqualTo(ConformanceScenario.FAILED);
    assertThat(failed.reason()).as("the failure names the behaviour").contains(behaviour);
  }
}
