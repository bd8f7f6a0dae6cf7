package dev.meshcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code meshcheck k8s} writes manifests that the Kubernetes API's own models accept strictly (an
 * unknown or a missing required field fails, as the API server would refuse it), and that {@code
 * kubectl} reads, where it is installed. There is no cluster here to apply them to.
 */
class K8sCommandTest {
  static final String SCENARIO = ShardedRunIT.SCENARIO;
  static final String START = "2026-12-02T10:00:00Z";

  @TempDir Path dir;

  @Test
  void writesAnIndexedJobWhoseCompletionIndexIsTheShardNumber() throws Exception {
    assertThat(k8s("--shards", "3")).isEqualTo(ExitCodes.OK);
    List<String> shards = documents(dir.resolve("shards.yaml"));
    V1ConfigMap configMap = V1ConfigMap.fromJson(shards.get(0));
    V1PersistentVolumeClaim claim = V1PersistentVolumeClaim.fromJson(shards.get(1));
    V1Job job = V1Job.fromJson(shards.get(2));

    assertThat(configMap.getData())
        .containsEntry(
            "fanout-3pub-3sub-128b-3krps-cluster3-shardable.yaml",
            Files.readString(ShardProcesses.root().resolve(SCENARIO)))
        .containsKey("topologies.cluster-3.yaml");
    assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
    assertThat(job.getSpec().getCompletionMode()).isEqualTo("Indexed");
    assertThat(job.getSpec().getCompletions()).isEqualTo(3);
    assertThat(job.getSpec().getParallelism()).as("all shards at once").isEqualTo(3);
    V1Container shard = job.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(shard.getEnv().get(0).getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.annotations['batch.kubernetes.io/job-completion-index']");
    assertThat(String.join(" ", shard.getArgs()))
        .contains("--shard $(SHARD_INDEX)/3")
        .contains("--start-at " + START)
        .contains("--url nats://nats.mesh.svc:4222")
        .contains("--out /results/shard-$(SHARD_INDEX)");
    assertThat(job.getSpec().getTemplate().getSpec().getVolumes())
        .anyMatch(v -> v.getPersistentVolumeClaim() != null);

    V1Job merge = V1Job.fromJson(documents(dir.resolve("merge-job.yaml")).get(0));
    assertThat(merge.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
        .containsSubsequence(
            "merge", "/results/shard-0", "/results/shard-1", "/results/shard-2", "--out");
    assertThat(dir.resolve("README.md")).content().contains("kubectl apply -f shards.yaml");
  }

  @Test
  void theStrictReadingFailsOnAFieldTheApiDoesNotHave() throws Exception {
    assertThat(k8s("--shards", "3")).isEqualTo(ExitCodes.OK);
    String job = documents(dir.resolve("shards.yaml")).get(2);
    String misspelt = job.replace("\"completionMode\"", "\"completionMod\"");
    assertThat(misspelt).isNotEqualTo(job);
    assertThatThrownBy(() -> V1Job.fromJson(misspelt)).hasMessageContaining("completionMod");
  }

  @Test
  void kubectlReadsEveryManifestOffline() throws Exception {
    Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed (scripts/setup-host.sh)");
    assertThat(k8s("--shards", "3")).isEqualTo(ExitCodes.OK);
    for (String file : List.of("shards.yaml", "merge-job.yaml")) {
      // 'create --dry-run=client' asks a server for its API groups; 'label --local' needs none.
      Process kubectl =
          new ProcessBuilder(
                  "kubectl",
                  "label",
                  "--local",
                  "-f",
                  dir.resolve(file).toString(),
                  "checked=offline",
                  "-o",
                  "name")
              .redirectErrorStream(true)
              .start();
      assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String output = new String(kubectl.getInputStream().readAllBytes());
      assertThat(kubectl.exitValue()).as(output).isZero();
      assertThat(output).contains(file.equals("shards.yaml") ? "job.batch/" : "job.batch/");
    }
  }

  @Test
  void moreShardsThanPublishersIsBadInput() {
    StringWriter err = new StringWriter();
    int exit =
        Main.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err, true),
            "k8s",
            ShardProcesses.root().resolve(SCENARIO).toString(),
            "--shards",
            "4",
            "--url",
            "nats://nats:4222",
            "--out",
            dir.toString());
    assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString())
        .contains("field 'workload.publishers'")
        .contains("3 cannot be split over 4 shards");
  }

  private int k8s(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "k8s",
                ShardProcesses.root().resolve(SCENARIO).toString(),
                "--url",
                "nats://nats.mesh.svc:4222",
                "--start-at",
                START,
                "--out",
                dir.toString()));
    args.addAll(List.of(extra));
    return Main.run(args.toArray(String[]::new));
  }

  /** Each YAML document as the JSON the API server would receive. */
  private static List<String> documents(Path file) throws Exception {
    List<String> json = new ArrayList<>();
    ObjectMapper mapper = new ObjectMapper();
    for (Object document : new Yaml().loadAll(Files.readString(file))) {
      json.add(mapper.writeValueAsString((Map<?, ?>) document));
    }
    return json;
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
