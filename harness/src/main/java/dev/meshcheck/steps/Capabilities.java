package dev.meshcheck.steps;

import dev.meshcheck.scenario.Topology;
import dev.meshcheck.topology.Backend;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides from a scenario's tags whether a mesh can run it: {@code @gateways}, {@code @leafnodes},
 * {@code @jetstream}, {@code @accounts} (the topology includes a server config), {@code @faults}
 * (the backend can inject faults), {@code @link-faults} (the backend can inject link faults; the
 * mesh is launched ready for them), {@code @tls} (the topology has {@code tls: true}) and {@code
 * @min-server-X.Y}. Pure and stateless.
 */
public final class Capabilities {
  private static final Pattern MIN_SERVER = Pattern.compile("@min-server-(\\d+)\\.(\\d+)");

  /** A scenario that injects link faults: its mesh is launched ready for them. */
  static final String LINK_FAULTS = "@link-faults";

  /** The capability tags, except {@code @min-server-X.Y}. */
  static final List<String> TAGS =
      List.of("@gateways", "@leafnodes", "@jetstream", "@accounts", "@faults", LINK_FAULTS, "@tls");

  private Capabilities() {}

  /** True for a tag this class decides on: one of {@link #TAGS} or {@code @min-server-X.Y}. */
  static boolean isCapability(String tag) {
    return TAGS.contains(tag) || MIN_SERVER.matcher(tag).matches();
  }

  /** Why the mesh cannot run a scenario with these tags, or empty when it can. */
  public static Optional<String> missing(
      Collection<String> tags, Topology topology, Backend backend, String serverVersion) {
    List<String> reasons = new ArrayList<>();
    for (String tag : tags) {
      reasonFor(tag, topology, backend, serverVersion).ifPresent(reasons::add);
    }
    return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
  }

  /**
   * Why a mesh of {@code topology} on {@code backend} cannot run a scenario with these tags,
   * decided before anything is launched: every tag but {@code @min-server-X.Y}, which needs the
   * running server's version ({@link #missing} decides it once the mesh runs).
   */
  public static Optional<String> missingBeforeLaunch(
      Collection<String> tags, Topology topology, Backend backend) {
    return missing(
        tags.stream().filter(tag -> !MIN_SERVER.matcher(tag).matches()).toList(),
        topology,
        backend,
        "");
  }

  private static Optional<String> reasonFor(
      String tag, Topology topology, Backend backend, String serverVersion) {
    String name = "topology '" + topology.name() + "'";
    return switch (tag) {
      case "@gateways" ->
          topology.hasGateways() ? Optional.empty() : Optional.of(name + " has no gateways");
      case "@leafnodes" ->
          topology.hasLeafNodes() ? Optional.empty() : Optional.of(name + " has no leaf nodes");
      case "@jetstream" ->
          topology.jetstream() ? Optional.empty() : Optional.of(name + " has no JetStream");
      case "@accounts" ->
          topology.include().isPresent()
              ? Optional.empty()
              : Optional.of(name + " includes no accounts config");
      case "@tls" -> topology.tls() ? Optional.empty() : Optional.of(name + " does not use TLS");
      case "@faults" ->
          backend == Backend.EXTERNAL
              ? Optional.of(
                  "the external backend cannot inject faults into a mesh it did not start")
              : Optional.empty();
      case LINK_FAULTS ->
          backend == Backend.EXTERNAL
              ? Optional.of(
                  "the external backend cannot inject link faults into a mesh it did not start")
              : Optional.empty();
      default -> minServer(tag, serverVersion);
    };
  }

  private static Optional<String> minServer(String tag, String serverVersion) {
    Matcher wanted = MIN_SERVER.matcher(tag);
    if (!wanted.matches()) {
      return Optional.empty();
    }
    int[] have = majorMinor(serverVersion);
    int major = Integer.parseInt(wanted.group(1));
    int minor = Integer.parseInt(wanted.group(2));
    boolean oldEnough = have[0] > major || (have[0] == major && have[1] >= minor);
    return oldEnough
        ? Optional.empty()
        : Optional.of(
            "needs nats-server "
                + major
                + "."
                + minor
                + " or later, the mesh runs "
                + serverVersion);
  }

  /** {@code "2.9.10"} as {@code {2, 9}}; an unreadable version counts as 0.0. */
  static int[] majorMinor(String version) {
    Matcher m = Pattern.compile("v?(\\d+)\\.(\\d+)").matcher(version == null ? "" : version);
    if (!m.lookingAt()) {
      return new int[] {0, 0};
    }
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }
}
