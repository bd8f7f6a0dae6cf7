package dev.meshcheck.topology;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import dev.meshcheck.scenario.Owner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Removes the containers and networks of the containers backend by their labels. Ryuk (the
 * Testcontainers reaper container) cannot run where nothing can be pulled, so every container and
 * network carries {@code dev.meshcheck=true}, the owner JVM ({@code pid@startMillis}) and the run
 * id; a mesh removes its own run on close, and each launch first removes what owners that died (a
 * {@code kill -9}) left behind, never what a live JVM still uses. Thread-safe.
 */
final class ContainerReaper {
  static final String LABEL_MESHCHECK = "dev.meshcheck";
  static final String LABEL_OWNER = "dev.meshcheck.owner";
  static final String LABEL_RUN = "dev.meshcheck.run";
  static final String LABEL_NODE = "dev.meshcheck.node";

  /** How long to wait for a container that someone else is removing. */
  private static final java.time.Duration REMOVAL_WAIT = java.time.Duration.ofSeconds(10);

  private final DockerClient docker;

  ContainerReaper(DockerClient docker) {
    this.docker = docker;
  }

  /** The labels of everything one run creates. */
  static Map<String, String> labels(Owner owner, String runId) {
    return Map.of(LABEL_MESHCHECK, "true", LABEL_OWNER, owner.toString(), LABEL_RUN, runId);
  }

  /** The names of the containers and networks one sweep removed. */
  record Reaped(List<String> containers, List<String> networks) {
    static final Reaped NOTHING = new Reaped(List.of(), List.of());
  }

  /** Removes the containers and networks whose owner JVM is gone. */
  Reaped reapOrphans() {
    List<Container> candidates =
        docker.listContainersCmd().withShowAll(true).withLabelFilter(meshcheckLabel()).exec();
    List<String> containers = new ArrayList<>();
    for (Container container : candidates) {
      if (ownerIsGone(container.getLabels())
          && bestEffort(() -> removeContainer(container.getId()))) {
        containers.add(nameOf(container));
      }
    }
    List<String> networks = new ArrayList<>();
    for (Network network : networksLabelled(LABEL_MESHCHECK + "=true")) {
      if (ownerIsGone(network.getLabels()) && bestEffort(() -> removeNetwork(network.getId()))) {
        networks.add(network.getName());
      }
    }
    return new Reaped(List.copyOf(containers), List.copyOf(networks));
  }

  /** Docker lists names with a leading slash ({@code /meshcheck-single-...}). */
  private static String nameOf(Container container) {
    String[] names = container.getNames();
    if (names == null || names.length == 0) {
      return container.getId().substring(0, Math.min(12, container.getId().length()));
    }
    return names[0].startsWith("/") ? names[0].substring(1) : names[0];
  }

  // Another JVM may be reaping the same leftovers right now (409: removal in progress); a leftover
  // that resists stays for the next launch rather than failing this one.
  private static boolean bestEffort(Runnable removal) {
    try {
      removal.run();
      return true;
    } catch (DockerException e) {
      return false;
    }
  }

  /** Removes every container of the run, running or not. */
  void removeContainersOf(String runId) {
    List<Runnable> removals = new ArrayList<>();
    for (String id : containerIdsOf(runId)) {
      removals.add(() -> removeContainer(id));
    }
    ParallelTasks.runAll("remove the containers of run " + runId, removals);
  }

  /** Waits until the run has no container left, or {@code timeout} passes. */
  void awaitContainersGone(String runId, java.time.Duration timeout) {
    long deadlineNanos = System.nanoTime() + timeout.toNanos();
    while (!containerIdsOf(runId).isEmpty() && System.nanoTime() < deadlineNanos) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Removes the run's networks; their containers must be gone first. */
  void removeNetworksOf(String runId) {
    for (String id : networkIdsOf(runId)) {
      removeNetwork(id);
    }
  }

  /** Ids of the run's containers that still exist (running or not). */
  List<String> containerIdsOf(String runId) {
    return docker
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(LABEL_RUN, runId))
        .exec()
        .stream()
        .map(Container::getId)
        .toList();
  }

  /** Ids of the run's networks that still exist. */
  List<String> networkIdsOf(String runId) {
    return networksLabelled(LABEL_RUN + "=" + runId).stream().map(Network::getId).toList();
  }

  private static boolean ownerIsGone(Map<String, String> labels) {
    Optional<Owner> owner =
        Optional.ofNullable(labels).map(l -> l.get(LABEL_OWNER)).flatMap(Owner::parse);
    // Without a readable owner nobody can claim it; it is ours by the dev.meshcheck label.
    return owner.map(o -> !o.isAlive()).orElse(true);
  }

  private static Map<String, String> meshcheckLabel() {
    return Map.of(LABEL_MESHCHECK, "true");
  }

  private List<Network> networksLabelled(String labelFilter) {
    return docker.listNetworksCmd().withFilter("label", List.of(labelFilter)).exec();
  }

  private void removeContainer(String id) {
    try {
      docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException alreadyGone) {
      // Removed by someone else (another JVM's reaper, or our own shutdown hook) meanwhile.
    } catch (ConflictException removalInProgress) {
      awaitGone(id); // someone else is removing it; the network can go only once it is gone
    }
  }

  private void awaitGone(String containerId) {
    long deadlineNanos = System.nanoTime() + REMOVAL_WAIT.toNanos();
    while (System.nanoTime() < deadlineNanos) {
      try {
        docker.inspectContainerCmd(containerId).exec();
        Thread.sleep(50);
      } catch (NotFoundException gone) {
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void removeNetwork(String id) {
    try {
      docker.removeNetworkCmd(id).exec();
    } catch (NotFoundException alreadyGone) {
      // As above.
    }
  }
}
