package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.scenario.Topology;
import dev.meshcheck.topology.Backend;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {
  private final Topology plain = Topology.cluster("cluster-3", 3);

  @Test
  void aMeshWithoutWhatATagNeedsSkipsWithTheReason() {
    assertThat(
            Capabilities.missing(
                List.of("@gateways", "@jetstream"), plain, Backend.PROCESSES, "2.9.10"))
        .hasValueSatisfying(
            reason -> assertThat(reason).contains("has no gateways").contains("has no JetStream"));
  }

  @Test
  void minServerComparesMajorAndMinor() {
    assertThat(
            Capabilities.missing(List.of("@min-server-2.10"), plain, Backend.PROCESSES, "2.9.10"))
        .hasValue("needs nats-server 2.10 or later, the mesh runs 2.9.10");
    assertThat(Capabilities.missing(List.of("@min-server-2.9"), plain, Backend.PROCESSES, "2.9.10"))
        .isEmpty();
    assertThat(
            Capabilities.missing(List.of("@min-server-2.10"), plain, Backend.PROCESSES, "2.11.0"))
        .isEmpty();
  }

  @Test
  void faultsNeedABackendTheHarnessControls() {
    assertThat(Capabilities.missing(List.of("@faults"), plain, Backend.EXTERNAL, "2.9.10"))
        .isPresent();
    assertThat(Capabilities.missing(List.of("@faults"), plain, Backend.PROCESSES, "2.9.10"))
        .isEmpty();
  }

  @Test
  void accountsNeedAnIncludedConfig() {
    assertThat(Capabilities.missing(List.of("@accounts"), plain, Backend.PROCESSES, "2.9.10"))
        .isPresent();
    Topology withAccounts = plain.withInclude(Path.of("accounts.conf"));
    assertThat(
            Capabilities.missing(List.of("@accounts"), withAccounts, Backend.PROCESSES, "2.9.10"))
        .isEmpty();
  }

  @Test
  void beforeLaunchTheTopologyAndBackendDecideAndTheServerVersionWaitsForTheMesh() {
    assertThat(
            Capabilities.missingBeforeLaunch(
                List.of("@tls", "@min-server-2.10"), plain, Backend.PROCESSES))
        .hasValue("topology 'cluster-3' does not use TLS");
    assertThat(
            Capabilities.missingBeforeLaunch(List.of("@min-server-2.10"), plain, Backend.PROCESSES))
        .isEmpty();
    assertThat(Capabilities.missingBeforeLaunch(List.of("@faults"), plain, Backend.EXTERNAL))
        .isPresent();
  }

  @Test
  void otherTagsNeedNothing() {
    assertThat(
            Capabilities.missing(
                List.of("@discovery", "@canary"), plain, Backend.PROCESSES, "2.9.10"))
        .isEmpty();
  }
}
