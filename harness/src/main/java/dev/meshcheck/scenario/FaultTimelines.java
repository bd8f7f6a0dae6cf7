package dev.meshcheck.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a load scenario's {@code faults:} list and checks it against the scenario's topology and
 * measured phase. Stateless.
 *
 * <pre>{@code
 * faults:
 *   - { at: 10s, action: kill, node: 2 }
 *   - { at: 20s, action: restart, node: 2 }
 *   - { at: 5s, action: latency, link: route 1 2, latency: 50ms, jitter: 5ms }
 *   - { at: 15s, action: latency, link: route 1 2, latency: off }
 *   - { at: 10s, action: partition, link: gateway east west }
 *   - { at: 10s, action: partition, node: 3 }     # node 3 cut off from the others
 * }</pre>
 */
final class FaultTimelines {
  private FaultTimelines() {}

  /** The steps in time order (a stable sort: steps at the same time keep the file's order). */
  static List<FaultStep> parse(YamlTree list) {
    List<FaultStep> steps = new ArrayList<>();
    for (YamlTree element : list.elements()) {
      steps.add(step(element));
    }
    steps.sort(Comparator.comparing(FaultStep::at));
    return List.copyOf(steps);
  }

  private static FaultStep step(YamlTree tree) {
    tree.allowOnly("at", "action", "node", "link", "latency", "jitter");
    Duration at = tree.required("at").asDuration();
    FaultAction action =
        FaultAction.fromFileName(tree.required("action").asChoice(FaultAction.fileNames()));
    Optional<YamlTree> node = tree.optional("node");
    Optional<YamlTree> link = tree.optional("link");
    switch (action.target()) {
      case NODE -> {
        requireAbsent(link, action, "a node (node:), not a link");
        if (node.isEmpty()) {
          throw tree.error(action.fileName() + " needs node: (a node number or name)");
        }
      }
      case LINK -> {
        requireAbsent(node, action, "a link (link:), not a node");
        if (link.isEmpty()) {
          throw tree.error(action.fileName() + " needs link: such as 'route 1 2'");
        }
      }
      case NODE_OR_LINK -> {
        if (node.isPresent() == link.isPresent()) {
          throw tree.error(
              action.fileName()
                  + " needs either node: (cut off from the others) or link: (such as"
                  + " 'gateway east west'), not "
                  + (node.isPresent() ? "both" : "neither"));
        }
      }
    }
    Optional<Duration> latency = latency(tree, action);
    Duration jitter = jitter(tree, action, latency);
    return new FaultStep(
        at,
        action,
        node.map(YamlTree::asString),
        link.map(FaultTimelines::link),
        latency,
        jitter,
        FieldSource.of(tree));
  }

  private static void requireAbsent(Optional<YamlTree> field, FaultAction action, String needs) {
    if (field.isPresent()) {
      throw field.get().error(action.fileName() + " acts on " + needs);
    }
  }

  private static LinkRef link(YamlTree tree) {
    try {
      return LinkRef.parse(tree.asString());
    } catch (IllegalArgumentException e) {
      throw tree.error(e.getMessage());
    }
  }

  private static Optional<Duration> latency(YamlTree tree, FaultAction action) {
    Optional<YamlTree> field = tree.optional("latency");
    if (action != FaultAction.LATENCY) {
      field.ifPresent(
          f -> {
            throw f.error("only the latency action takes latency:");
          });
      return Optional.empty();
    }
    YamlTree value =
        field.orElseThrow(() -> tree.error("latency needs latency: such as 50ms, or off"));
    if (value.asString().equalsIgnoreCase("off")) {
      return Optional.empty();
    }
    Duration latency = value.asDuration();
    if (latency.isZero()) {
      throw value.error(
          "must be a positive duration such as 50ms, or off, was '" + value.asString() + "'");
    }
    return Optional.of(latency);
  }

  private static Duration jitter(YamlTree tree, FaultAction action, Optional<Duration> latency) {
    Optional<YamlTree> field = tree.optional("jitter");
    if (field.isEmpty()) {
      return Duration.ZERO;
    }
    YamlTree value = field.get();
    if (latency.isEmpty()) {
      throw value.error(
          action == FaultAction.LATENCY
              ? "jitter goes with a latency, not with latency: off"
              : "only the latency action takes jitter:");
    }
    Duration jitter = value.asDuration();
    if (jitter.compareTo(latency.get()) > 0) {
      throw value.error(
          "must be at most the latency ("
              + value.asString()
              + " > "
              + tree.required("latency").asString()
              + ")");
    }
    return jitter;
  }

  /**
   * Checks the steps against a topology and a measured phase: every node and cluster exists, every
   * step falls inside the measured phase, and a node is resumed only after it was paused.
   *
   * @throws BadInputException naming the step's file, line and field
   */
  static void check(List<FaultStep> steps, Topology topology, Duration measured) {
    Set<String> paused = new HashSet<>();
    for (FaultStep step : steps) {
      if (step.at().compareTo(measured) >= 0) {
        throw error(
            step,
            "at",
            "must fall inside the measured phase (duration "
                + seconds(measured)
                + "), was "
                + seconds(step.at()));
      }
      step.node().ifPresent(n -> node(step, "node", topology, n));
      step.link().ifPresent(l -> link(step, topology, l));
      if (step.action() == FaultAction.PAUSE || step.action() == FaultAction.RESUME) {
        String key = node(step, "node", topology, step.node().orElseThrow()).name();
        if (step.action() == FaultAction.PAUSE) {
          paused.add(key);
        } else if (!paused.remove(key)) {
          throw error(
              step,
              "action",
              "resume of node " + step.node().get() + ", which no earlier step paused");
        }
      }
    }
  }

  private static NodeSpec node(FaultStep step, String field, Topology topology, String reference) {
    List<NodeSpec> nodes = topology.nodes();
    if (reference.matches("\\d+")) {
      int number = Integer.parseInt(reference);
      if (number >= 1 && number <= nodes.size()) {
        return nodes.get(number - 1);
      }
    }
    return nodes.stream()
        .filter(n -> n.name().equals(reference))
        .findFirst()
        .orElseThrow(
            () ->
                error(
                    step,
                    field,
                    "names no node of topology '"
                        + topology.name()
                        + "' (nodes 1.."
                        + nodes.size()
                        + ": "
                        + String.join(", ", nodes.stream().map(NodeSpec::name).toList())
                        + "), was '"
                        + reference
                        + "'"));
  }

  private static void link(FaultStep step, Topology topology, LinkRef link) {
    if (link.kind() == LinkRef.Kind.GATEWAY) {
      for (String cluster : link.names()) {
        if (topology.clusters().stream().noneMatch(c -> c.name().equals(cluster))) {
          throw error(
              step,
              "link",
              "names no cluster of topology '"
                  + topology.name()
                  + "' (clusters: "
                  + String.join(", ", topology.clusters().stream().map(ClusterSpec::name).toList())
                  + "), was '"
                  + cluster
                  + "'");
        }
      }
      return;
    }
    link.nodeNames().forEach(n -> node(step, "link", topology, n));
  }

  private static BadInputException error(FaultStep step, String field, String problem) {
    FieldSource source = step.source();
    String prefix = source.field().isEmpty() ? "" : source.field() + ".";
    return new BadInputException(source.file(), source.line(), prefix + field, problem);
  }

  private static String seconds(Duration d) {
    return d.toMillis() / 1000.0 + "s";
  }
}
