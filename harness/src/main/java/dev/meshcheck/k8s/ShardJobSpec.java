package dev.meshcheck.k8s;

import dev.meshcheck.scenario.BadInputException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the manifests of a sharded run on Kubernetes say.
 *
 * @param runName names the Job, ConfigMap and claim ({@code meshcheck-<runName>}): a DNS label
 * @param shards how many shards run at once (the Job's completions and parallelism)
 * @param image the meshcheck image the pods run
 * @param urls client URLs of the mesh under test, as the pods reach it
 * @param monitorUrls its monitoring URLs, one per URL, or none
 * @param startAt the instant every shard starts its warm-up at
 * @param storageClass the claim's storage class (one that offers ReadWriteMany); empty: the
 *     cluster's default
 */
public record ShardJobSpec(
    String runName,
    int shards,
    String image,
    List<String> urls,
    List<String> monitorUrls,
    Instant startAt,
    Optional<String> storageClass) {
  public ShardJobSpec {
    if (!runName.matches("[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?")) {
      throw BadInputException.option(
          "--name",
          "must be a DNS label of lower-case letters, digits and '-' (at most 42), was '"
              + runName
              + "'");
    }
    if (shards < 1 || shards > 1000) {
      throw BadInputException.option("--shards", "must be from 1 to 1000, was " + shards);
    }
    if (urls.isEmpty()) {
      throw BadInputException.option("--url", "must name the mesh the shards load, was empty");
    }
    if (!monitorUrls.isEmpty() && monitorUrls.size() != urls.size()) {
      throw BadInputException.option(
          "--monitor-url",
          "needs one URL per --url, was " + monitorUrls.size() + " for " + urls.size());
    }
    urls = List.copyOf(urls);
    monitorUrls = List.copyOf(monitorUrls);
  }

  /** The prefix of every object's name. */
  String objectName() {
    return "meshcheck-" + runName;
  }
}
