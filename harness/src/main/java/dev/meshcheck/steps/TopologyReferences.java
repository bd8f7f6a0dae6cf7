package dev.meshcheck.steps;

import dev.meshcheck.scenario.BadInputException;
import dev.meshcheck.scenario.NodeSpec;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.scenario.TopologyFiles;
import dev.meshcheck.steps.DryRun.MatchedScenario;
import dev.meshcheck.topology.MeshLaunchers;
import dev.meshcheck.topology.faults.Link;
import dev.meshcheck.topology.faults.NodeRefs;
import io.cucumber.plugin.event.Argument;
import io.cucumber.plugin.event.PickleStepTestStep;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks what the selected scenarios name of their meshes before anything is launched, so that a
 * typo is bad input at its file and line instead of a failed scenario: the topology of each {@code
 * Given a "..." mesh} must exist (unless {@code --topology} replaces it), and every node, cluster
 * and link a step names must be in the mesh the scenario will really get — the {@code --topology}
 * override when there is one, and for an external mesh what its URLs stand for. A scenario whose
 * tags its mesh lacks is skipped when it runs, so its steps are not held against that mesh.
 */
final class TopologyReferences {
  /** A check of a step's arguments against the mesh; throws with what is wrong. */
  private interface StepCheck {
    void check(Topology shape, List<String> arguments);
  }

  private static final Map<String, StepCheck> LINK_STEPS =
      Map.of(
          LinkFaultSteps.ROUTE_LATENCY, (t, a) -> Link.route(a.get(0), a.get(1)).paths(t),
          LinkFaultSteps.CLIENT_LATENCY, (t, a) -> Link.clientsOf(a.get(0)).paths(t),
          LinkFaultSteps.CLIENTS_RESET, (t, a) -> Link.clientsOf(a.get(0)).paths(t),
          LinkFaultSteps.CUT_OFF, (t, a) -> Link.peersOf(a.get(0)).paths(t),
          LinkFaultSteps.RECONNECTED, (t, a) -> Link.peersOf(a.get(0)).paths(t),
          LinkFaultSteps.GATEWAY_PARTITIONED, (t, a) -> Link.gateway(a.get(0), a.get(1)).paths(t),
          LinkFaultSteps.GATEWAY_HEALED, (t, a) -> Link.gateway(a.get(0), a.get(1)).paths(t));

  private static final List<String> CLUSTER_STEPS =
      List.of(
          ServiceSteps.SERVICE_IN_CLUSTER,
          ServiceSteps.ANSWERED_IN_CLUSTER,
          ServiceSteps.MEMBERS_IN_CLUSTER_LEAVE);

  private final RunSettings settings;
  private final Map<String, Topology> topologyByName = new HashMap<>();

  private TopologyReferences(RunSettings settings) {
    this.settings = settings;
  }

  /**
   * @throws BadInputException at the first step that names a topology, node, cluster or link its
   *     scenario's mesh does not have, saying what the mesh has
   */
  static void requireValid(DryRun dryRun, RunSettings settings) {
    TopologyReferences references = new TopologyReferences(settings);
    dryRun.scenarios().forEach(references::check);
  }

  private void check(MatchedScenario scenario) {
    Optional<Mesh> mesh = Optional.empty();
    for (PickleStepTestStep step : scenario.steps()) {
      List<String> arguments = arguments(step);
      if (MeshSteps.A_MESH.equals(step.getPattern())) {
        if (mesh.isPresent()) {
          throw error(step, "topology", "a scenario has one mesh, and it already named one");
        }
        Topology topology = topology(step, arguments.get(0));
        if (Capabilities.missingBeforeLaunch(scenario.tags(), topology, settings.backend())
            .isPresent()) {
          return; // skipped when it runs, with the reason
        }
        mesh = Optional.of(new Mesh(topology, shapeOf(topology)));
        continue;
      }
      for (Argument argument : step.getDefinitionArgument()) {
        if ("node".equals(argument.getParameterTypeName())) {
          requireNode(step, mesh, argument.getValue());
        }
      }
      if (mesh.isPresent()) {
        requireLinksAndClusters(step, mesh.get(), arguments);
      }
    }
  }

  /** The topology the scenario runs on: the override, else the one it names. */
  private Topology topology(PickleStepTestStep step, String named) {
    Optional<String> override = settings.topologyOverride();
    if (override.isPresent()) {
      return topologyByName.computeIfAbsent(
          override.get(), o -> TopologyFiles.resolve(o, settings.layout()));
    }
    if (TopologyFiles.find(named, settings.layout()).isEmpty()) {
      // The words of `up` for the same mistake, at the step that makes it.
      throw error(
          step,
          "topology",
          "no topology '"
              + named
              + "': no such file, and "
              + TopologyFiles.unknown(named, settings.layout()));
    }
    return topologyByName.computeIfAbsent(named, n -> TopologyFiles.resolve(n, settings.layout()));
  }

  private Topology shapeOf(Topology topology) {
    return MeshLaunchers.shapeOf(topology, settings.backend(), settings.launcher());
  }

  private void requireNode(PickleStepTestStep step, Optional<Mesh> mesh, String node) {
    if (mesh.isEmpty()) {
      throw error(
          step,
          "node",
          "names node "
              + node
              + " before the scenario has a mesh; start it with a step such as"
              + " Given a \"cluster-3\" mesh");
    }
    try {
      NodeRefs.resolve(mesh.get().shape(), node);
    } catch (IllegalArgumentException e) {
      Topology shape = mesh.get().shape();
      throw error(
          step,
          "node",
          "node "
              + node
              + " is not in "
              + mesh.get().describe(settings)
              + ", whose nodes are 1.."
              + shape.nodeCount()
              + " ("
              + String.join(", ", shape.nodes().stream().map(NodeSpec::name).toList())
              + ")");
    }
  }

  private void requireLinksAndClusters(PickleStepTestStep step, Mesh mesh, List<String> arguments) {
    StepCheck link = LINK_STEPS.get(step.getPattern());
    if (link != null) {
      try {
        link.check(mesh.shape(), arguments);
      } catch (IllegalArgumentException e) {
        throw error(step, "link", e.getMessage() + ", in " + mesh.describe(settings));
      }
    }
    if (CLUSTER_STEPS.contains(step.getPattern())) {
      String cluster = arguments.get(arguments.size() - 1);
      // Leaf nodes count as clusters of their own, as services place members by cluster name.
      LinkedHashSet<String> clusters = new LinkedHashSet<>();
      mesh.shape().nodes().forEach(n -> clusters.add(n.clusterName()));
      if (!clusters.contains(cluster)) {
        throw error(
            step,
            "cluster",
            "cluster '"
                + cluster
                + "' is not in "
                + mesh.describe(settings)
                + ", whose clusters are "
                + String.join(", ", clusters));
      }
    }
  }

  /** The arguments as the step method receives them: {@code {string}} without its quotes. */
  private static List<String> arguments(PickleStepTestStep step) {
    return step.getDefinitionArgument().stream()
        .map(
            a ->
                "string".equals(a.getParameterTypeName()) && a.getValue().length() >= 2
                    ? a.getValue().substring(1, a.getValue().length() - 1)
                    : a.getValue())
        .toList();
  }

  private static BadInputException error(PickleStepTestStep step, String field, String problem) {
    return new BadInputException(Path.of(step.getUri()), step.getStep().getLine(), field, problem);
  }

  /**
   * The mesh a scenario will get.
   *
   * @param topology the topology it runs on (its own or the override)
   * @param shape what the launched mesh will look like: for an external mesh, what its URLs stand
   *     for
   */
  private record Mesh(Topology topology, Topology shape) {
    String describe(RunSettings settings) {
      if (!shape.equals(topology)) {
        return "the external mesh of "
            + shape.nodeCount()
            + " node(s) given with --url (topology '"
            + topology.name()
            + "' has "
            + topology.nodeCount()
            + ")";
      }
      return "topology '"
          + topology.name()
          + "'"
          + (settings.topologyOverride().isPresent()
              ? " (from --topology, which replaces the one the scenario names)"
              : "");
    }
  }
}
