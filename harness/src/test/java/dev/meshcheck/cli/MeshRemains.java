package dev.meshcheck.cli;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;

/**
 * The servers a harness started, as this test finds them from outside, by the pids of the JVMs that
 * own them: nats-server processes (children of those JVMs, or orphans named by their run folder)
 * with their run folders, and containers (labelled with the owner) with their networks.
 *
 * @param serverPids nats-server processes of the processes backend
 * @param runFolders their run folders
 * @param containers container names of the containers backend
 * @param networks the networks of those containers
 * @param ready whether every server said "Server is ready" (there is at least one)
 */
record MeshRemains(
    List<Long> serverPids,
    List<Path> runFolders,
    List<String> containers,
    List<String> networks,
    boolean ready) {
  private static final String OWNER_LABEL = "dev.meshcheck.owner";
  private static final String RUN_LABEL = "dev.meshcheck.run";
  private static final String READY_LINE = "Server is ready";

  /** What the JVMs {@code ownerPids} started, found while they run. */
  static MeshRemains ofOwners(Set<Long> ownerPids) {
    List<Long> pids = new ArrayList<>();
    List<Path> folders = new ArrayList<>();
    boolean ready = true;
    for (ProcessHandle server : serversUnder(ownerPids)) {
      Optional<Path> config = configOf(server);
      pids.add(server.pid());
      config.map(Path::getParent).filter(f -> !folders.contains(f)).ifPresent(folders::add);
      ready &= config.map(MeshRemains::logOf).map(log -> log.contains(READY_LINE)).orElse(false);
    }
    List<String> containers = new ArrayList<>();
    List<String> networks = new ArrayList<>();
    for (Container container : containersOf(ownerPids)) {
      containers.add(container.getNames()[0].substring(1));
      String network = "meshcheck-" + container.getLabels().get(RUN_LABEL);
      if (!networks.contains(network)) {
        networks.add(network);
      }
      ready &=
          "running".equals(container.getState()) && containerLog(container).contains(READY_LINE);
    }
    ready &= !pids.isEmpty() || !containers.isEmpty();
    return new MeshRemains(pids, folders, containers, networks, ready);
  }

  boolean isEmpty() {
    return serverPids.isEmpty() && containers.isEmpty();
  }

  /** What of these still exists: processes alive, folders on disk, containers and networks. */
  MeshRemains stillThere() {
    return new MeshRemains(
        serverPids.stream().filter(MeshRemains::isAlive).toList(),
        runFolders.stream().filter(Files::exists).toList(),
        containers.stream().filter(MeshRemains::containerExists).toList(),
        networks.stream().filter(MeshRemains::networkExists).toList(),
        false);
  }

  /** Everything, as a list of what the harness says it removed (see Leftovers). */
  List<String> asRemovalLines() {
    List<String> lines = new ArrayList<>();
    serverPids.forEach(pid -> lines.add("nats-server process " + pid));
    runFolders.forEach(folder -> lines.add("run folder " + folder));
    containers.forEach(name -> lines.add("container " + name));
    networks.forEach(name -> lines.add("network " + name));
    return lines;
  }

  /** Kills and removes whatever is left; for a test that failed half-way. */
  void removeWhatIsLeft() {
    serverPids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    for (String name : containers) {
      ignoringMissing(() -> docker().removeContainerCmd(name).withForce(true).exec());
    }
    for (String name : networks) {
      ignoringMissing(() -> docker().removeNetworkCmd(name).exec());
    }
  }

  private static List<ProcessHandle> serversUnder(Set<Long> ownerPids) {
    return ownerPids.stream()
        .map(ProcessHandle::of)
        .flatMap(Optional::stream)
        .flatMap(ProcessHandle::descendants)
        .filter(p -> p.info().command().orElse("").endsWith("nats-server"))
        .distinct() // a JMH fork's servers are descendants of the fork and of its host
        .toList();
  }

  /** The config a server was started with: {@code nats-server -c <run folder>/<node>.conf}. */
  private static Optional<Path> configOf(ProcessHandle server) {
    String[] args = server.info().arguments().orElse(new String[0]);
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("-c")) {
        return Optional.of(Path.of(args[i + 1]));
      }
    }
    return Optional.empty();
  }

  private static String logOf(Path config) {
    String name = config.getFileName().toString().replaceFirst("\\.conf$", ".log");
    try {
      return Files.readString(config.resolveSibling(name));
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private static List<Container> containersOf(Set<Long> ownerPids) {
    return docker()
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of("dev.meshcheck", "true"))
        .exec()
        .stream()
        .filter(c -> ownerPids.contains(ownerPid(c.getLabels())))
        .toList();
  }

  private static long ownerPid(Map<String, String> labels) {
    String owner = labels == null ? null : labels.get(OWNER_LABEL);
    try {
      return owner == null ? -1 : Long.parseLong(owner.substring(0, owner.indexOf('@')));
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private static String containerLog(Container container) {
    StringBuilder log = new StringBuilder();
    try {
      docker()
          .logContainerCmd(container.getId())
          .withStdOut(true)
          .withStdErr(true)
          .exec(
              new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                  log.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
              })
          .awaitCompletion(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (NotFoundException e) {
      return "";
    }
    return log.toString();
  }

  private static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static boolean containerExists(String name) {
    try {
      docker().inspectContainerCmd(name).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private static boolean networkExists(String name) {
    return docker().listNetworksCmd().withNameFilter(name).exec().stream()
        .anyMatch(n -> n.getName().equals(name));
  }

  private static void ignoringMissing(Runnable removal) {
    try {
      removal.run();
    } catch (NotFoundException e) {
      // Already gone.
    }
  }

  static DockerClient docker() {
    return DockerClientFactory.instance().client();
  }

  /** Every pid of {@code process} and the JVMs below it (JMH's forked benchmark JVM). */
  static Set<Long> jvmsOf(Process process) {
    return Stream.concat(
            Stream.of(process.toHandle()),
            process.descendants().filter(p -> p.info().command().orElse("").endsWith("java")))
        .map(ProcessHandle::pid)
        .collect(java.util.stream.Collectors.toSet());
  }
}
