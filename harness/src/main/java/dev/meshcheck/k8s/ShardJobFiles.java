package dev.meshcheck.k8s;

import dev.meshcheck.scenario.LoadScenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the manifests of a sharded run and a README that says how to run them and merge the
 * results. Stateless.
 *
 * <pre>{@code
 * List<Path> written = ShardJobFiles.write(scenario, spec, outDir);
 * }</pre>
 */
public final class ShardJobFiles {
  private ShardJobFiles() {}

  /**
   * @return the files written: {@code shards.yaml}, {@code merge-job.yaml}, {@code README.md}
   * @throws dev.meshcheck.scenario.BadInputException when the scenario cannot travel to the pods
   */
  public static List<Path> write(LoadScenario scenario, ShardJobSpec spec, Path outDir)
      throws IOException {
    Files.createDirectories(outDir);
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, String> file :
        ShardJobManifests.render(spec, ScenarioBundle.of(scenario)).entrySet()) {
      written.add(Files.writeString(outDir.resolve(file.getKey()), file.getValue()));
    }
    written.add(
        Files.writeString(
            outDir.resolve("README.md"), readme(scenario, spec), StandardCharsets.UTF_8));
    return written;
  }

  private static String readme(LoadScenario scenario, ShardJobSpec spec) {
    String job = spec.objectName();
    return String.join(
        "\n",
        "# " + scenario.name() + " in " + spec.shards() + " shards",
        "",
        "Written by `meshcheck k8s`. Every shard starts its warm-up at " + spec.startAt() + ":",
        "apply before then (a shard that is not ready by then fails, and the merge names it).",
        "",
        "```sh",
        "kubectl apply -f shards.yaml",
        "kubectl wait --for=condition=complete --timeout=30m job/" + job,
        "kubectl apply -f merge-job.yaml",
        "kubectl wait --for=condition=complete --timeout=10m job/" + job + "-merge",
        "kubectl logs job/" + job + "-merge",
        "```",
        "",
        "The shards write their run folders to the ReadWriteMany claim `"
            + job
            + "-results` (`/results/shard-<i>`); the merge Job writes `/results/merged`, an"
            + " ordinary run folder (summary.json, .hlog, index.html). To copy it out, start any"
            + " pod that mounts the claim and `kubectl cp` the folder. The merged run is partial"
            + " when a shard failed or never finished, and names it.",
        "",
        "The image `"
            + spec.image()
            + "` must be pullable by the cluster (`docker/build-meshcheck-image.sh` builds it"
            + " locally; push it to your registry and pass `--image`).",
        "");
  }
}
