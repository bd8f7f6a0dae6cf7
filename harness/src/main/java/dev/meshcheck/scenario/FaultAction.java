package dev.meshcheck.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a step of a scenario's fault timeline does. Node actions act on one node ({@code node:});
 * link actions on a link ({@code link:}), and {@code partition}/{@code heal} also take a node alone
 * (cut off from, or reconnected to, the others).
 */
public enum FaultAction {
  /** SIGKILL / container kill. */
  KILL(Target.NODE),
  /** SIGSTOP / docker pause, until a {@code resume}. */
  PAUSE(Target.NODE),
  /** Unfreezes a paused node. */
  RESUME(Target.NODE),
  /** Starts a stopped node again (a running one is stopped first); done once it has rejoined. */
  RESTART(Target.NODE),
  /** The node drains its clients to the others, then exits. */
  LAME_DUCK(Target.NODE),
  /** Nothing crosses the link (or the node's links to its peers) until a {@code heal}. */
  PARTITION(Target.NODE_OR_LINK),
  /** Ends a partition. */
  HEAL(Target.NODE_OR_LINK),
  /** Added round-trip latency on the link ({@code latency: 50ms}, or {@code off}). */
  LATENCY(Target.LINK),
  /** Every connection on the link is closed at once (TCP RST). */
  RESET(Target.LINK);

  /** What an action needs named. */
  public enum Target {
    NODE,
    LINK,
    NODE_OR_LINK
  }

  private final Target target;

  FaultAction(Target target) {
    this.target = target;
  }

  public Target target() {
    return target;
  }

  /** As scenario files write it: {@code lame-duck}. */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static String[] fileNames() {
    return Arrays.stream(values()).map(FaultAction::fileName).toArray(String[]::new);
  }

  static FaultAction fromFileName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  static String known() {
    return Arrays.stream(values()).map(FaultAction::fileName).collect(Collectors.joining(", "));
  }
}
