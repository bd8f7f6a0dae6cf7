package dev.meshcheck.steps;

import dev.meshcheck.topology.MeshNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario's services: queue groups of NATS micro-service members, started where steps place
 * them and stopped when the scenario ends, and what {@code $SRV} discovery found of them. Not
 * thread-safe: steps run on one thread; member counters are thread-safe.
 */
public final class Services implements AutoCloseable {
  private final MeshLease mesh;
  private final Clients clients;
  private final InterestWaits waits;
  private final Map<String, ServiceGroup> byName = new LinkedHashMap<>();
  private final Map<String, List<String>> discoveredInstances = new HashMap<>();

  public Services(MeshLease mesh, Clients clients, InterestWaits waits) {
    this.mesh = mesh;
    this.clients = clients;
    this.waits = waits;
  }

  /** Starts one member per placement; returns once their interest has reached every node. */
  public ServiceGroup start(
      String serviceName, String subject, String queueGroup, List<ClientSpec> placements) {
    ServiceGroup group =
        byName.computeIfAbsent(serviceName, n -> new ServiceGroup(n, subject, queueGroup));
    for (ClientSpec placement : placements) {
      String memberId = serviceName + "#" + (group.members().size() + 1);
      TrackedClient client = clients.connect(memberId, placement);
      MeshNode node = mesh.node(placement.nodeName());
      ServiceMember member =
          new ServiceMember(memberId, client, String.valueOf(node.number()), node.clusterName());
      member.start(serviceName, subject, queueGroup);
      group.add(member);
      waits.awaitInterest(client, "service member " + memberId + " on " + subject);
    }
    return group;
  }

  /** A service by its name or by its queue group's name. */
  public ServiceGroup named(String serviceOrQueueGroup) {
    ServiceGroup byService = byName.get(serviceOrQueueGroup);
    if (byService != null) {
      return byService;
    }
    return byName.values().stream()
        .filter(g -> g.queueGroup().equals(serviceOrQueueGroup))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no service or queue group named '"
                        + serviceOrQueueGroup
                        + "'; services: "
                        + byName.keySet()));
  }

  /**
   * Stops members of a service (drained: requests already delivered are answered) and waits until
   * every running node has processed their departure.
   */
  public void stop(List<ServiceMember> leaving) {
    for (ServiceMember member : leaving) {
      member.stop(true);
      Flushing.flush(member.client(), "stopping " + member.memberId());
    }
    leaving.forEach(waits::awaitDeparture);
  }

  /** Remembers the instance ids a {@code $SRV} discovery of {@code service} found. */
  public void recordDiscovery(String service, List<String> instanceIds) {
    discoveredInstances.put(service, List.copyOf(instanceIds));
  }

  /** The instance ids the last discovery of {@code service} found. */
  public List<String> discovered(String service) {
    List<String> ids = discoveredInstances.get(service);
    if (ids == null) {
      throw new IllegalStateException(
          "no discovery of '"
              + service
              + "' yet: add When \""
              + service
              + "\" instances are discovered");
    }
    return ids;
  }

  /** Stops every running member without draining; their connections close with {@link Clients}. */
  @Override
  public void close() {
    for (ServiceGroup group : byName.values()) {
      for (ServiceMember member : group.runningMembers()) {
        try {
          member.stop(false);
        } catch (RuntimeException e) {
          // Closing the connection afterwards removes whatever this left behind.
        }
      }
    }
    byName.clear();
  }
}
