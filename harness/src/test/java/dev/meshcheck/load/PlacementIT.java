package dev.meshcheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.measure.Metric;
import dev.meshcheck.result.WorkloadResult;
import dev.meshcheck.scenario.ClientKind;
import dev.meshcheck.scenario.NodeChoice;
import dev.meshcheck.scenario.Placement;
import dev.meshcheck.scenario.Rate;
import dev.meshcheck.scenario.Receivers;
import dev.meshcheck.scenario.Senders;
import dev.meshcheck.scenario.ServiceSpec;
import dev.meshcheck.scenario.Timing;
import dev.meshcheck.scenario.Workload;
import dev.meshcheck.scenario.WorkloadKind;
import dev.meshcheck.topology.RunningMesh;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Placement decides which link a run measures: on a supercluster, clients in east and the service
 * in west answer every request in west across the gateway, and cost more per request than the same
 * service in east across a route, on the same mesh.
 */
@Tag("quiet") // compares latencies: run alone (harness/pom.xml)
class PlacementIT {
  private static final int ROUNDS = 3;

  @TempDir Path out;

  @Test
  void serviceInTheOtherClusterAnswersEveryRequestThereAndCostsMoreThanOneInTheSameCluster()
      throws Exception {
    List<Double> acrossGatewayP50 = new ArrayList<>();
    List<Double> acrossRouteP50 = new ArrayList<>();
    try (RunningMesh mesh = ItMeshes.launch("supercluster-2x3")) {
      for (int round = 0; round < ROUNDS; round++) {
        WorkloadResult gateway = run(mesh, "west", "gw" + round);
        assertThat(gateway.placement().handledPerCluster())
            .as("every request answered in the other cluster")
            .isEqualTo(Map.of("west", gateway.counts().sent()));
        assertThat(gateway.placement().deliveriesByLink())
            .isEqualTo(Map.of("gateway", gateway.counts().sent()));
        acrossGatewayP50.add(gateway.percentiles(Metric.LATENCY).p50());

        WorkloadResult route = run(mesh, "[east-2, east-3]", "rt" + round);
        assertThat(route.placement().handledPerCluster())
            .isEqualTo(Map.of("east", route.counts().sent()));
        assertThat(route.placement().deliveriesByLink())
            .isEqualTo(Map.of("route", route.counts().sent()));
        acrossRouteP50.add(route.percentiles(Metric.LATENCY).p50());
      }
    }
    System.out.printf(
        "closed-loop p50 across the gateway %s us, across a route %s us%n",
        acrossGatewayP50, acrossRouteP50);
    assertThat(median(acrossGatewayP50))
        .as("median p50 across the gateway vs across a route, rounds alternated")
        .isGreaterThan(median(acrossRouteP50));
  }

  private WorkloadResult run(RunningMesh mesh, String membersOn, String name) throws Exception {
    List<String> references = List.of(membersOn.replace("[", "").replace("]", "").split(",\\s*"));
    Workload workload =
        new Workload(
            WorkloadKind.REQUEST_REPLY,
            "svc.placed",
            new Senders(1, Rate.max(), OptionalLong.of(3_000), 128),
            new Receivers(0, new ServiceSpec("workers", 2)),
            new Placement(
                NodeChoice.on("east-1"),
                NodeChoice.spread(),
                new NodeChoice(references, java.util.Optional.empty())),
            new Timing(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(2)),
            ClientKind.JNATS);
    return new LoadRun(name, workload, mesh, LoadTuning.defaults(), Clock.system())
        .execute(out.resolve(name + ".hlog"), LoadProgress.silent(), new AtomicBoolean());
  }

  private static double median(List<Double> values) {
    return values.stream().sorted().toList().get(values.size() / 2);
  }
}
