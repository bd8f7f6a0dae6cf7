package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshcheck.topology.faults.Link;
import dev.meshcheck.topology.faults.LinkFault;
import dev.meshcheck.topology.faults.LinkFaultKind;
import dev.meshcheck.topology.faults.LinkKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a mesh refuses, naming the fault and the backend, and what it leaves behind: nothing. */
class LinkFaultSupportIT {
  @Test
  void faultOnALinkKindTheMeshWasNotLaunchedForIsRefusedNamingItAndTheBackend() {
    try (RunningMesh mesh =
        TestMeshes.launcher(Backend.PROCESSES)
            .launch(TestMeshes.topology("cluster-3"), Set.of(LinkKind.ROUTE))) {
      assertThatThrownBy(
              () ->
                  mesh.linkFaults()
                      .apply(
                          Link.clientsOf("2"),
                          LinkFault.latency(Duration.ofMillis(5), Duration.ZERO)))
          .isInstanceOf(FaultsUnavailableException.class)
          .hasMessageContaining("client links of node 2")
          .hasMessageContaining("processes")
          .hasMessageContaining("without client-link faults");
    }
  }

  @Test
  void meshLaunchedWithoutLinkFaultsRefusesThemAndKeepsItsLinksDirect() {
    try (RunningMesh mesh =
        TestMeshes.launcher(Backend.PROCESSES).launch(TestMeshes.topology("cluster-3"))) {
      assertThatThrownBy(() -> mesh.linkFaults().partition(Link.route("1", "2")))
          .isInstanceOf(FaultsUnavailableException.class)
          .hasMessageContaining("route");
      assertThat(mesh.linkFaults().support().launched()).isEmpty();
      assertThat(proxyThreads()).as("proxy threads of a mesh without link faults").isZero();
    }
  }

  @Test
  void containersBackendRefusesWhatItCannotDoNamingTheFaultAndTheBackend() {
    var support = TestMeshes.launcher(Backend.CONTAINERS).linkFaultSupport();

    assertThat(support.refusal(LinkKind.ROUTE, LinkFaultKind.BANDWIDTH))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .contains("containers")
                    .contains("a bandwidth limit")
                    .contains("route"));
  }

  @Test
  void closingTheMeshClosesItsProxiesAndEndsTheirThreads() throws Exception {
    RunningMesh mesh =
        TestMeshes.launcher(Backend.PROCESSES)
            .launch(TestMeshes.topology("supercluster-2x3"), EnumSet.allOf(LinkKind.class));
    URI clientProxy = URI.create(mesh.node(1).clientUrl());
    assertThat(proxyThreads()).as("proxy threads while the mesh runs").isPositive();

    mesh.close();

    assertThat(proxyThreads()).as("proxy threads after close").isZero();
    assertThatThrownBy(
            () -> {
              try (Socket socket = new Socket()) {
                socket.connect(
                    new InetSocketAddress(clientProxy.getHost(), clientProxy.getPort()), 1000);
              }
            })
        .as("a client dialling node 1's proxy after close")
        .isInstanceOf(IOException.class);
  }

  private static long proxyThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("meshcheck-proxy-"))
        .count();
  }
}
