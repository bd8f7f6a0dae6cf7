package dev.meshcheck.topology.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshcheck.scenario.Topology;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultSupportTest {
  private static final FaultSupport PARTITIONS_ONLY =
      new FaultSupport(
          "containers",
          Map.of(
              LinkKind.ROUTE, Set.of(LinkFaultKind.BLACKHOLE),
              LinkKind.CLIENT, EnumSet.allOf(LinkFaultKind.class)),
          "it partitions routes with iptables",
          EnumSet.allOf(LinkKind.class));

  @Test
  void aFaultTheBackendCannotDoIsRefusedNamingTheFaultTheLinkAndTheBackend() {
    assertThat(
            PARTITIONS_ONLY.refusal(
                Link.route("1", "2"), LinkFaultKind.LATENCY, Topology.cluster("c3", 3)))
        .hasValue(
            "the route between node 1 and node 2: the containers backend cannot inject added"
                + " latency on route links (only a partition (blackhole)); it partitions routes"
                + " with iptables");
  }

  @Test
  void aLinkKindTheMeshWasNotLaunchedForIsRefusedSayingHowToLaunchIt() {
    FaultSupport launched = PARTITIONS_ONLY.launchedFor(Set.of(LinkKind.ROUTE));

    assertThat(launched.refusal(LinkKind.CLIENT, LinkFaultKind.RESET))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .contains("launched without client-link faults")
                    .contains("launched for route"));
    assertThat(launched.refusal(LinkKind.ROUTE, LinkFaultKind.BLACKHOLE)).isEmpty();
    assertThat(launched.supports(LinkKind.CLIENT, LinkFaultKind.RESET)).isFalse();
  }

  @Test
  void noneRefusesEverythingWithItsReason() {
    FaultSupport none = FaultSupport.none("external", "this one is external (--url)");

    for (LinkKind kind : LinkKind.values()) {
      assertThat(none.refusal(kind, LinkFaultKind.BLACKHOLE))
          .hasValueSatisfying(r -> assertThat(r).contains("external (--url)"));
    }
  }

  @Test
  void faultsRejectValuesThatMeanNothing() {
    assertThatThrownBy(() -> LinkFault.latency(Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("latency must be positive");
    assertThatThrownBy(() -> LinkFault.latency(Duration.ofMillis(10), Duration.ofMillis(20)))
        .hasMessageContaining("jitter must be from 0 to the latency");
    assertThatThrownBy(() -> LinkFault.bandwidth(10))
        .hasMessageContaining("bandwidth must be at least 1024 bytes/s, was 10");
  }
}
