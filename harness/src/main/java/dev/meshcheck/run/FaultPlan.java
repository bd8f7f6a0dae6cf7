package dev.meshcheck.run;

import dev.meshcheck.scenario.BadInputException;
import dev.meshcheck.scenario.FaultAction;
import dev.meshcheck.scenario.FaultStep;
import dev.meshcheck.scenario.LinkRef;
import dev.meshcheck.scenario.LoadScenario;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.topology.Backend;
import dev.meshcheck.topology.MeshLauncher;
import dev.meshcheck.topology.faults.FaultSupport;
import dev.meshcheck.topology.faults.Link;
import dev.meshcheck.topology.faults.LinkFaultKind;
import dev.meshcheck.topology.faults.LinkKind;
import dev.meshcheck.topology.faults.PeerPath;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a scenario's fault timeline against a backend before anything starts, and says which link
 * kinds the mesh must be launched ready to fault. A fault the backend cannot do is bad input,
 * naming the fault and the backend: it is never skipped. Stateless.
 */
final class FaultPlan {
  private FaultPlan() {}

  /**
   * The link kinds the timeline faults (empty without link faults).
   *
   * @throws BadInputException naming the step's file, line and field, the fault and the backend
   */
  static Set<LinkKind> linkKindsFor(LoadScenario scenario, MeshLauncher launcher) {
    Set<LinkKind> kinds = EnumSet.noneOf(LinkKind.class);
    Topology topology = scenario.topology();
    FaultSupport support = launcher.linkFaultSupport();
    for (int i = 0; i < scenario.faults().size(); i++) {
      FaultStep step = scenario.faults().get(i);
      Optional<LinkFaultKind> linkFault = linkFaultKind(step.action());
      if (linkFault.isEmpty()) {
        if (launcher.backend() == Backend.EXTERNAL) {
          throw refused(
              step,
              "action",
              "the external backend cannot "
                  + step.action().fileName()
                  + " a node of a mesh it did not start");
        }
        continue;
      }
      Link link = link(step);
      String field = step.link().isPresent() ? "link" : "node";
      try {
        Optional<String> refusal = support.refusal(link, linkFault.get(), topology);
        if (refusal.isPresent()) {
          throw refused(step, field, refusal.get());
        }
        link.paths(topology).stream().map(PeerPath::kind).forEach(kinds::add);
      } catch (IllegalArgumentException e) {
        throw refused(step, field, e.getMessage());
      }
    }
    return kinds;
  }

  /** The link a link fault acts on; a partition or heal of a node alone is its peers' links. */
  static Link link(FaultStep step) {
    if (step.link().isEmpty()) {
      return Link.peersOf(step.node().orElseThrow());
    }
    LinkRef ref = step.link().get();
    var names = ref.names();
    return switch (ref.kind()) {
      case ROUTE -> Link.route(names.get(0), names.get(1));
      case GATEWAY -> Link.gateway(names.get(0), names.get(1));
      case GATEWAYS -> Link.gatewaysOf(names.get(0));
      case LEAF -> Link.leaf(names.get(0));
      case CLIENTS -> Link.clientsOf(names.get(0));
      case PEERS -> Link.peersOf(names.get(0));
    };
  }

  static Optional<LinkFaultKind> linkFaultKind(FaultAction action) {
    return switch (action) {
      case PARTITION, HEAL -> Optional.of(LinkFaultKind.BLACKHOLE);
      case LATENCY -> Optional.of(LinkFaultKind.LATENCY);
      case RESET -> Optional.of(LinkFaultKind.RESET);
      default -> Optional.empty();
    };
  }

  private static BadInputException refused(FaultStep step, String field, String why) {
    String prefix = step.source().field().isEmpty() ? "" : step.source().field() + ".";
    return new BadInputException(
        step.source().file(),
        step.source().line(),
        prefix + field,
        "cannot apply '" + step.describe() + "': " + why);
  }
}
