package dev.meshcheck.k8s;

import dev.meshcheck.scenario.BadInputException;
import dev.meshcheck.scenario.LoadScenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/**
 * The files a shard pod needs to read its scenario, laid out as in a checkout ({@code
 * scenarios/<file>}, {@code scenarios/topologies/<name>.yaml}, and the topology's {@code include}
 * at the same relative place), so that the scenario file goes into the ConfigMap unchanged.
 *
 * @param files path under {@code scenarios/} -> content
 * @param scenarioPath the scenario's path under {@code scenarios/}
 */
record ScenarioBundle(Map<String, String> files, String scenarioPath) {

  /**
   * @throws BadInputException when the scenario names its topology by a path (the pods would not
   *     find it), or the topology's include lies outside {@code scenarios/}
   */
  static ScenarioBundle of(LoadScenario scenario) throws IOException {
    Path file = scenario.file();
    String text = Files.readString(file);
    Object key = ((Map<?, ?>) new Yaml().load(text)).get("topology");
    String topologyName = scenario.topology().name();
    if (!topologyName.equals(String.valueOf(key))) {
      throw new BadInputException(
          file,
          0,
          "topology",
          "names its topology by path ('"
              + key
              + "'); for 'meshcheck k8s' name it as under scenarios/topologies (such as"
              + " cluster-3), or give --topology");
    }
    Map<String, String> files = new java.util.LinkedHashMap<>();
    String scenarioPath = file.getFileName().toString();
    files.put(scenarioPath, text);
    Path topologyFile = topologyFile(scenario);
    files.put("topologies/" + topologyName + ".yaml", Files.readString(topologyFile));
    Optional<Path> include = scenario.topology().include();
    if (include.isPresent()) {
      Path relative =
          Path.of("topologies")
              .resolve(topologyFile.getParent().relativize(include.get().toAbsolutePath()))
              .normalize();
      if (relative.startsWith("..")) {
        throw new BadInputException(
            topologyFile,
            0,
            "include",
            "lies outside scenarios/ (" + include.get() + "); the pods could not read it");
      }
      files.put(relative.toString(), Files.readString(include.get()));
    }
    return new ScenarioBundle(Map.copyOf(files), scenarioPath);
  }

  private static Path topologyFile(LoadScenario scenario) {
    Path besideScenario =
        scenario.file().toAbsolutePath().getParent().resolve(scenario.topology().name());
    if (Files.isRegularFile(besideScenario)) {
      return besideScenario;
    }
    return dev.meshcheck.scenario.ProjectLayout.discover()
        .topologies()
        .resolve(scenario.topology().name() + ".yaml");
  }
}
