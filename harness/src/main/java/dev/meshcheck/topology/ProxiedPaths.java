package dev.meshcheck.topology;

import dev.meshcheck.topology.faults.FaultProxy;
import dev.meshcheck.topology.faults.LinkFault;
import dev.meshcheck.topology.faults.LinkFaultKind;
import dev.meshcheck.topology.faults.PeerPath;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** One {@link FaultProxy} per path, opened together and closed together. */
final class ProxiedPaths implements PathFaults, AutoCloseable {
  private final Map<PeerPath, FaultProxy> proxies;

  private ProxiedPaths(Map<PeerPath, FaultProxy> proxies) {
    this.proxies = proxies;
  }

  /**
   * Opens a proxy for each of {@code paths}, forwarding to {@code target} (asked again per
   * connection); on a failure, closes those already open.
   */
  static ProxiedPaths open(
      List<PeerPath> paths, Function<PeerPath, InetSocketAddress> target, long seed) {
    Map<PeerPath, FaultProxy> proxies = new LinkedHashMap<>();
    try {
      for (PeerPath path : paths) {
        proxies.put(
            path,
            FaultProxy.open(path.label(), () -> target.apply(path), seed + proxies.size() + 1));
      }
      return new ProxiedPaths(proxies);
    } catch (RuntimeException e) {
      proxies.values().forEach(FaultProxy::close);
      throw e;
    }
  }

  static ProxiedPaths none() {
    return new ProxiedPaths(Map.of());
  }

  /** The proxy of {@code path}, if it has one. */
  Optional<FaultProxy> proxy(PeerPath path) {
    return Optional.ofNullable(proxies.get(path));
  }

  @Override
  public void apply(PeerPath path, LinkFault fault) {
    require(path).apply(fault);
  }

  @Override
  public void clear(PeerPath path, LinkFaultKind kind) {
    require(path).clear(kind);
  }

  @Override
  public void reset(PeerPath path) {
    require(path).resetConnections();
  }

  @Override
  public void clearAll() {
    proxies.values().forEach(FaultProxy::clearAll);
  }

  @Override
  public void close() {
    List<RuntimeException> failures = new ArrayList<>();
    for (FaultProxy proxy : proxies.values()) {
      try {
        proxy.close();
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      failures.subList(1, failures.size()).forEach(failures.get(0)::addSuppressed);
      throw failures.get(0);
    }
  }

  private FaultProxy require(PeerPath path) {
    FaultProxy proxy = proxies.get(path);
    if (proxy == null) {
      throw new IllegalStateException(
          "no proxy on " + path.label() + " (a bug: support allowed it)");
    }
    return proxy;
  }
}
