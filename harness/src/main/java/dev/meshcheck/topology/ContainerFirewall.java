package dev.meshcheck.topology;

import dev.meshcheck.scenario.NodeSpec;
import dev.meshcheck.topology.faults.LinkFault;
import dev.meshcheck.topology.faults.LinkFaultKind;
import dev.meshcheck.topology.faults.PeerPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Partitions the routes, gateways and leaf links of a container mesh with iptables inside the
 * containers' own network namespaces ({@code nsenter -t <pid> -n iptables-restore}, as root): a
 * blackholed path drops, in the dialing container, the packets to and from the listener's port on
 * the peer's address. Nothing changes on the host, the client and monitoring ports stay reachable,
 * and the rules go with the container. Each change rewrites the chain {@value #CHAIN} of the
 * containers it concerns in one call. A restarted container has a new namespace and starts without
 * rules until the next change to its paths.
 */
final class ContainerFirewall implements PathFaults {
  static final String CHAIN = "MESHCHECK";
  private static final long COMMAND_TIMEOUT_SECONDS = 15;

  private final IntFunction<ContainerNode> nodes;
  private final Set<PeerPath> blackholed = new LinkedHashSet<>();

  /** Container id -> the pid whose namespace already jumps to our chain. */
  private final Map<String, Long> prepared = new HashMap<>();

  /**
   * @param nodes the container of each node number
   */
  ContainerFirewall(IntFunction<ContainerNode> nodes) {
    this.nodes = nodes;
  }

  /** Why this host cannot run the firewall, or empty when it can. */
  static Optional<String> unavailableReason() {
    if (!isRoot()) {
      return Optional.of("it needs root to enter the containers' network namespaces");
    }
    for (String tool : List.of("nsenter", "iptables-restore")) {
      if (findOnPath(tool).isEmpty()) {
        return Optional.of(tool + " is not on PATH (apt-get install util-linux iptables)");
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized void apply(PeerPath path, LinkFault fault) {
    if (fault.kind() != LinkFaultKind.BLACKHOLE) {
      throw new IllegalStateException("the firewall only partitions, not " + fault.kind());
    }
    if (blackholed.add(path)) {
      rewrite(dialer(path));
    }
  }

  @Override
  public synchronized void clear(PeerPath path, LinkFaultKind kind) {
    if (kind == LinkFaultKind.BLACKHOLE && blackholed.remove(path)) {
      rewrite(dialer(path));
    }
  }

  @Override
  public void reset(PeerPath path) {
    throw new IllegalStateException("the firewall cannot reset " + path.label());
  }

  @Override
  public synchronized void clearAll() {
    Set<NodeSpec> dialers = new LinkedHashSet<>();
    blackholed.forEach(path -> dialers.add(dialer(path)));
    blackholed.clear();
    dialers.forEach(this::rewrite);
  }

  private static NodeSpec dialer(PeerPath path) {
    return path.dialer().orElseThrow(() -> new IllegalStateException(path.label()));
  }

  /** Replaces {@code dialer}'s chain with one pair of DROP rules per path it has blackholed. */
  private void rewrite(NodeSpec dialer) {
    ContainerNode container = nodes.apply(dialer.number());
    long pid = container.pid();
    StringBuilder script = new StringBuilder("*filter\n:" + CHAIN + " - [0:0]\n");
    boolean jumpsNeeded = !Long.valueOf(pid).equals(prepared.get(container.containerId()));
    if (jumpsNeeded) {
      script.append("-I INPUT 1 -j ").append(CHAIN).append('\n');
      script.append("-I OUTPUT 1 -j ").append(CHAIN).append('\n');
    }
    for (PeerPath path : blackholed) {
      if (dialer(path).equals(dialer)) {
        String peer = nodes.apply(path.listener().number()).address().containerIp();
        int port = listenerPort(path);
        script.append(rule("-d " + peer + " -p tcp --dport " + port));
        script.append(rule("-s " + peer + " -p tcp --sport " + port));
      }
    }
    script.append("COMMIT\n");
    run(pid, script.toString(), dialer.name());
    prepared.put(container.containerId(), pid);
  }

  private static String rule(String match) {
    return "-A " + CHAIN + " " + match + " -j DROP\n";
  }

  private static int listenerPort(PeerPath path) {
    NodeEndpoints standard = NodeEndpoints.standardPorts("unused");
    return switch (path.kind()) {
      case ROUTE -> standard.clusterPort();
      case GATEWAY -> standard.gatewayPort();
      case LEAF -> standard.leafPort();
      case CLIENT -> throw new IllegalStateException("client links go through a proxy");
    };
  }

  private static void run(long pid, String script, String nodeName) {
    List<String> command =
        List.of(
            "nsenter", "-t", Long.toString(pid), "-n", "iptables-restore", "--noflush", "-w", "5");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "iptables-restore in node " + nodeName + " did not finish in 15 s");
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "iptables-restore in node "
                + nodeName
                + " failed ("
                + process.exitValue()
                + "): "
                + output.strip());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while changing node " + nodeName + "'s rules");
    }
  }

  private static boolean isRoot() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .anyMatch(line -> line.matches("Uid:\\s+0\\s.*"));
    } catch (IOException e) {
      return false;
    }
  }

  private static Optional<Path> findOnPath(String tool) {
    String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin";
    for (String dir : path.split(":")) {
      if (!dir.isBlank() && Files.isExecutable(Path.of(dir, tool))) {
        return Optional.of(Path.of(dir, tool));
      }
    }
    return Optional.empty();
  }
}
