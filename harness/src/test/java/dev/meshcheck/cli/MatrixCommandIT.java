package dev.meshcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code meshcheck matrix} end to end, short: one request-reply shape on single and cluster-3, two
 * rounds, one report folder whose table says which link each topology's traffic crossed.
 */
class MatrixCommandIT {
  @TempDir Path dir;

  @Test
  void twoTopologiesTwoRoundsGiveOneSideBySideReport() throws Exception {
    Path scenario = dir.resolve("rr.yaml");
    Files.writeString(
        scenario,
        "name: rr-matrix\ntopology: single\nworkload:\n  kind: request-reply\n  subject: svc.matrix\n"
            + "  clients: { count: 1, on: local }\n  service: { members: 1, on: remote }\n"
            + "  rate: 500/s\n  warmup: 500ms\n  duration: 2s\n");
    Path out = dir.resolve("matrix");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int exit =
        Main.run(
            new PrintWriter(stdout, true),
            new PrintWriter(stderr, true),
            "matrix",
            scenario.toString(),
            "--topologies",
            "single,cluster-3",
            "--repeat",
            "2",
            "--backend",
            System.getProperty("meshcheck.backend", "auto"),
            "--out",
            out.toString());

    assertThat(stderr.toString())
        .as("runs in interleaved order")
        .containsSubsequence(
            "single, round 1", "cluster-3, round 1", "single, round 2", "cluster-3, round 2");
    JsonNode matrix = new ObjectMapper().readTree(out.resolve("matrix.json").toFile());
    JsonNode single = matrix.path("topologies").get(0);
    JsonNode cluster = matrix.path("topologies").get(1);
    assertThat(single.path("topology").asText()).isEqualTo("single");
    assertThat(cluster.path("topology").asText()).isEqualTo("cluster-3");
    assertThat(single.path("runs").asInt()).isEqualTo(2);
    assertThat(cluster.path("runs").asInt()).isEqualTo(2);
    boolean allUsable =
        single.path("usable_runs").asInt() == 2 && cluster.path("usable_runs").asInt() == 2;
    assertThat(exit).as("0 when every run passed, else 1: %s", stdout).isEqualTo(allUsable ? 0 : 1);
    if (cluster.path("usable_runs").asInt() > 0) {
      assertThat(cluster.path("deliveries_by_link").fieldNames())
          .toIterable()
          .containsExactly("route");
      assertThat(cluster.path("metrics").path("p50").has("ratio_to_first")).isTrue();
    }
    if (single.path("usable_runs").asInt() > 0) {
      assertThat(single.path("deliveries_by_link").fieldNames())
          .toIterable()
          .containsExactly("same node");
    }
    assertThat(out.resolve("matrix.md")).content().contains("| single |").contains("| cluster-3 |");
    assertThat(out.resolve("index.html")).content().contains("<svg class=\"chart\"");
    for (String run : new String[] {"single-r1", "cluster-3-r1", "single-r2", "cluster-3-r2"}) {
      assertThat(out.resolve("runs").resolve(run).resolve("summary.json")).exists();
      assertThat(out.resolve("runs").resolve(run).resolve("index.html")).exists();
    }
  }
}
