package dev.meshcheck.topology.faults;

import dev.meshcheck.scenario.Topology;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which link faults a backend can inject, and which of them a mesh was launched for: asked before a
 * run starts, so that a fault it cannot do is refused up front, naming the fault and the backend.
 *
 * <pre>{@code
 * FaultSupport support = launcher.linkFaultSupport();
 * support.refusal(Link.route("1", "2"), LinkFaultKind.LATENCY, topology)
 *     .ifPresent(reason -> { throw step.source().error(reason); });   // a BadInputException
 * }</pre>
 *
 * @param backend the backend's command-line name, for messages
 * @param capable what the backend can do on each link kind
 * @param backendNote how the backend injects faults, appended to a refusal of something it cannot
 *     do
 * @param launched the link kinds the mesh was launched to fault (a launcher's support: every kind)
 */
public record FaultSupport(
    String backend,
    Map<LinkKind, Set<LinkFaultKind>> capable,
    String backendNote,
    Set<LinkKind> launched) {

  public FaultSupport {
    EnumMap<LinkKind, Set<LinkFaultKind>> copy = new EnumMap<>(LinkKind.class);
    for (LinkKind kind : LinkKind.values()) {
      Set<LinkFaultKind> faults = capable.getOrDefault(kind, Set.of());
      copy.put(kind, faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults)));
    }
    capable = Map.copyOf(copy);
    launched = Set.copyOf(launched);
  }

  /** A backend that injects no link fault at all, for {@code reason}. */
  public static FaultSupport none(String backend, String reason) {
    return new FaultSupport(backend, Map.of(), reason, EnumSet.allOf(LinkKind.class));
  }

  /** This support, for a mesh launched to fault only {@code kinds}. */
  public FaultSupport launchedFor(Set<LinkKind> kinds) {
    return new FaultSupport(backend, capable, backendNote, kinds);
  }

  public boolean supports(LinkKind kind, LinkFaultKind fault) {
    return capable.get(kind).contains(fault) && launched.contains(kind);
  }

  /**
   * Why {@code fault} cannot be applied to {@code link} of {@code topology}, or empty when it can.
   *
   * @throws IllegalArgumentException when the link does not exist in the topology (bad input)
   */
  public Optional<String> refusal(Link link, LinkFaultKind fault, Topology topology) {
    Set<LinkKind> kinds = new LinkedHashSet<>();
    link.paths(topology).forEach(path -> kinds.add(path.kind()));
    for (LinkKind kind : kinds) {
      Optional<String> refused = refusal(kind, fault);
      if (refused.isPresent()) {
        return Optional.of(link.describe() + ": " + refused.get());
      }
    }
    return Optional.empty();
  }

  /** Why {@code fault} cannot be applied to links of {@code kind}, or empty when it can. */
  public Optional<String> refusal(LinkKind kind, LinkFaultKind fault) {
    if (!capable.get(kind).contains(fault)) {
      return Optional.of(
          "the "
              + backend
              + " backend cannot inject "
              + fault.description()
              + " on "
              + kind.label()
              + " links"
              + canDo(kind)
              + "; "
              + backendNote);
    }
    if (!launched.contains(kind)) {
      return Optional.of(
          "this "
              + backend
              + " mesh was launched without "
              + kind.label()
              + "-link faults (it was launched for "
              + labels(launched)
              + "); launch it with the link kinds the run will fault");
    }
    return Optional.empty();
  }

  private String canDo(LinkKind kind) {
    Set<LinkFaultKind> faults = capable.get(kind);
    return faults.isEmpty()
        ? ""
        : " (only "
            + faults.stream()
                .sorted()
                .map(LinkFaultKind::description)
                .collect(Collectors.joining(", "))
            + ")";
  }

  private static String labels(Set<LinkKind> kinds) {
    return kinds.isEmpty()
        ? "none"
        : kinds.stream().sorted().map(LinkKind::label).collect(Collectors.joining(", "));
  }
}
