package dev.meshcheck.k8s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes objects of a sharded run, as YAML documents: a ConfigMap with the scenario, a
 * ReadWriteMany claim the shards write their run folders to, an Indexed Job whose completion index
 * is the shard number, and a Job that merges the folders once the shards are done. Stateless.
 *
 * <pre>{@code
 * Map<String, String> files = ShardJobManifests.render(spec, bundle);  // file name -> YAML
 * }</pre>
 */
final class ShardJobManifests {
  static final String MOUNT = "/meshcheck";
  static final String RESULTS = "/results";

  private ShardJobManifests() {}

  /** File name -> YAML: {@code shards.yaml} (ConfigMap, claim, Job) and {@code merge-job.yaml}. */
  static Map<String, String> render(ShardJobSpec spec, ScenarioBundle bundle) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "shards.yaml",
        documents(List.of(configMap(spec, bundle), claim(spec), shardJob(spec, bundle))));
    files.put("merge-job.yaml", documents(List.of(mergeJob(spec))));
    return files;
  }

  private static Map<String, Object> configMap(ShardJobSpec spec, ScenarioBundle bundle) {
    Map<String, Object> data = new TreeMap<>();
    bundle.files().forEach((path, text) -> data.put(key(path), text));
    return object("v1", "ConfigMap", spec.objectName() + "-scenario", spec, Map.of("data", data));
  }

  private static Map<String, Object> claim(ShardJobSpec spec) {
    Map<String, Object> claimSpec = new LinkedHashMap<>();
    // Every shard pod writes its own folder at once, possibly from several nodes.
    claimSpec.put("accessModes", List.of("ReadWriteMany"));
    spec.storageClass().ifPresent(c -> claimSpec.put("storageClassName", c));
    claimSpec.put("resources", Map.of("requests", Map.of("storage", "1Gi")));
    return object(
        "v1",
        "PersistentVolumeClaim",
        spec.objectName() + "-results",
        spec,
        Map.of("spec", claimSpec));
  }

  private static Map<String, Object> shardJob(ShardJobSpec spec, ScenarioBundle bundle) {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "run",
            MOUNT + "/scenarios/" + bundle.scenarioPath(),
            "--shard",
            // Kubernetes expands $(VAR) from the container's env in args: no shell needed.
            "$(SHARD_INDEX)/" + spec.shards(),
            "--start-at",
            spec.startAt().toString(),
            "--url",
            String.join(",", spec.urls())));
    if (!spec.monitorUrls().isEmpty()) {
      args.addAll(List.of("--monitor-url", String.join(",", spec.monitorUrls())));
    }
    args.addAll(List.of("--out", RESULTS + "/shard-$(SHARD_INDEX)"));
    Map<String, Object> container = container("shard", spec, args);
    container.put(
        "env",
        List.of(
            Map.of(
                "name",
                "SHARD_INDEX",
                "valueFrom",
                Map.of(
                    "fieldRef",
                    Map.of(
                        "fieldPath",
                        "metadata.annotations['batch.kubernetes.io/job-completion-index']")))));
    container.put(
        "volumeMounts",
        List.of(
            Map.of("name", "scenario", "mountPath", MOUNT + "/scenarios", "readOnly", true),
            Map.of("name", "results", "mountPath", RESULTS)));
    List<Map<String, Object>> items = new ArrayList<>();
    new TreeMap<>(bundle.files())
        .keySet()
        .forEach(p -> items.add(Map.of("key", key(p), "path", p)));
    Map<String, Object> jobSpec = new LinkedHashMap<>();
    jobSpec.put("completionMode", "Indexed");
    jobSpec.put("completions", spec.shards());
    jobSpec.put("parallelism", spec.shards());
    // A retried shard would start after the shared instant and fail: the merge names it instead.
    jobSpec.put("backoffLimit", 0);
    jobSpec.put(
        "template",
        podTemplate(
            spec,
            container,
            List.of(
                Map.of(
                    "name",
                    "scenario",
                    "configMap",
                    Map.of("name", spec.objectName() + "-scenario", "items", items)),
                resultsVolume(spec))));
    return object("batch/v1", "Job", spec.objectName(), spec, Map.of("spec", jobSpec));
  }

  private static Map<String, Object> mergeJob(ShardJobSpec spec) {
    List<String> args = new ArrayList<>(List.of("merge"));
    for (int i = 0; i < spec.shards(); i++) {
      args.add(RESULTS + "/shard-" + i);
    }
    args.addAll(List.of("--out", RESULTS + "/merged"));
    Map<String, Object> container = container("merge", spec, args);
    container.put("volumeMounts", List.of(Map.of("name", "results", "mountPath", RESULTS)));
    Map<String, Object> jobSpec = new LinkedHashMap<>();
    jobSpec.put("backoffLimit", 0);
    jobSpec.put("template", podTemplate(spec, container, List.of(resultsVolume(spec))));
    return object("batch/v1", "Job", spec.objectName() + "-merge", spec, Map.of("spec", jobSpec));
  }

  private static Map<String, Object> container(String name, ShardJobSpec spec, List<String> args) {
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("name", name);
    container.put("image", spec.image());
    container.put("imagePullPolicy", "IfNotPresent");
    container.put("workingDir", MOUNT);
    container.put("args", args);
    return container;
  }

  private static Map<String, Object> podTemplate(
      ShardJobSpec spec, Map<String, Object> container, List<Map<String, Object>> volumes) {
    Map<String, Object> podSpec = new LinkedHashMap<>();
    podSpec.put("restartPolicy", "Never");
    podSpec.put("containers", List.of(container));
    podSpec.put("volumes", volumes);
    return Map.of("metadata", Map.of("labels", labels(spec)), "spec", podSpec);
  }

  private static Map<String, Object> resultsVolume(ShardJobSpec spec) {
    return Map.of(
        "name",
        "results",
        "persistentVolumeClaim",
        Map.of("claimName", spec.objectName() + "-results"));
  }

  private static Map<String, Object> object(
      String apiVersion, String kind, String name, ShardJobSpec spec, Map<String, Object> body) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("apiVersion", apiVersion);
    object.put("kind", kind);
    object.put("metadata", Map.of("name", name, "labels", labels(spec)));
    object.putAll(new TreeMap<>(body));
    return object;
  }

  private static Map<String, String> labels(ShardJobSpec spec) {
    return new TreeMap<>(
        Map.of("app.kubernetes.io/name", "meshcheck", "meshcheck.dev/run", spec.runName()));
  }

  /**
   * ConfigMap keys may not hold '/': {@code topologies/cluster-3.yaml} becomes {@code
   * topologies.cluster-3.yaml}.
   */
  static String key(String path) {
    return path.replace('/', '.');
  }

  private static String documents(List<Map<String, Object>> objects) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setDefaultScalarStyle(DumperOptions.ScalarStyle.PLAIN);
    Yaml yaml = new Yaml(options);
    return yaml.dumpAll(objects.iterator());
  }
}
