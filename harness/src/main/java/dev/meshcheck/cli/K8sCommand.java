package dev.meshcheck.cli;

import dev.meshcheck.k8s.ShardJobFiles;
import dev.meshcheck.k8s.ShardJobSpec;
import dev.meshcheck.scenario.LoadScenario;
import dev.meshcheck.scenario.LoadScenarioFiles;
import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.Shard;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code meshcheck k8s <scenario> --shards N --url ...}: writes the manifests that run the scenario
 * as an Indexed Job of N shards on Kubernetes, and the Job that merges them. Exit 0, or 2 on bad
 * input.
 */
@Command(
    name = "k8s",
    mixinStandardHelpOptions = true,
    description =
        "Write Kubernetes manifests that run a scenario in N shards (an Indexed Job, the"
            + " completion index as shard number) against a mesh, and a Job that merges them.")
final class K8sCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "the scenario file")
  Path scenarioFile;

  @Option(names = "--shards", required = true, description = "how many shards run at once")
  int shards;

  @Option(
      names = "--url",
      required = true,
      split = ",",
      description = "client URLs of the mesh, as the pods reach it")
  List<String> urls = new ArrayList<>();

  @Option(names = "--monitor-url", split = ",", description = "its monitoring URLs, one per --url")
  List<String> monitorUrls = new ArrayList<>();

  @Option(
      names = "--image",
      defaultValue = "meshcheck/meshcheck:local",
      description = "the meshcheck image the pods run (default: ${DEFAULT-VALUE})")
  String image;

  @Option(
      names = "--start-at",
      paramLabel = "INSTANT",
      description = "when every shard starts (ISO-8601); default: 3 minutes from now")
  String startAt;

  @Option(names = "--name", description = "run name in object names (default: the scenario's)")
  String runName;

  @Option(names = "--storage-class", description = "a storage class that offers ReadWriteMany")
  String storageClass;

  @Option(names = "--out", defaultValue = "k8s", description = "folder (default: ${DEFAULT-VALUE})")
  Path outDir;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    ProjectLayout layout = ProjectLayout.discover();
    scenarioFile = layout.scenarioFile(scenarioFile);
    LoadScenario scenario = LoadScenarioFiles.load(scenarioFile, layout);
    new Shard(0, Math.max(1, shards)).requireSplittable(scenario);
    ShardJobSpec job =
        new ShardJobSpec(
            runName != null ? runName : dnsLabel(scenario.name()),
            shards,
            image,
            urls,
            monitorUrls,
            start(),
            Optional.ofNullable(storageClass));
    PrintWriter out = spec.commandLine().getOut();
    for (Path written : ShardJobFiles.write(scenario, job, OutputFolders.create(outDir))) {
      out.println("wrote " + written);
    }
    out.println("shards start at " + job.startAt() + "; see " + outDir.resolve("README.md"));
    return ExitCodes.OK;
  }

  private Instant start() {
    if (startAt == null) {
      return Instant.now().plus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.SECONDS);
    }
    return RunCommand.parseInstant(startAt);
  }

  /** Object names are DNS labels: lower case, at most 42 characters here. */
  private static String dnsLabel(String name) {
    String label = name.toLowerCase().replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
    return label.length() <= 42 ? label : label.substring(0, 42).replaceAll("-+$", "");
  }
}
