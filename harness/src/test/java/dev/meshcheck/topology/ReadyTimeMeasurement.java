package dev.meshcheck.topology;

import dev.meshcheck.scenario.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints how long {@code launch()} takes to return a ready mesh (and how long close takes), median
 * of five, per backend and topology. A measurement, not a test: it asserts nothing and Failsafe
 * does not run it. Run with the test classpath:
 *
 * <pre>{@code
 * java -cp harness/target/test-classes:harness/target/classes:<deps> \
 *     dev.meshcheck.topology.ReadyTimeMeasurement [rounds]
 * }</pre>
 */
final class ReadyTimeMeasurement {
  private ReadyTimeMeasurement() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    for (String name : List.of("cluster-3", "supercluster-2x3")) {
      Topology topology = TestMeshes.topology(name);
      for (Backend backend : TestMeshes.LAUNCHING_BACKENDS) {
        MeshLauncher launcher =
            MeshLaunchers.forBackend(backend, LauncherSettings.fromEnvironment());
        List<Long> readyMillis = new ArrayList<>();
        List<Long> closeMillis = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
          long start = System.nanoTime();
          RunningMesh mesh = launcher.launch(topology);
          long ready = System.nanoTime();
          mesh.close();
          long closed = System.nanoTime();
          readyMillis.add((ready - start) / 1_000_000);
          closeMillis.add((closed - ready) / 1_000_000);
        }
        System.out.printf(
            "%-17s %-10s ready median %5d ms %s   close median %5d ms %s%n",
            name,
            backend.cliName(),
            median(readyMillis),
            readyMillis,
            median(closeMillis),
            closeMillis);
      }
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
