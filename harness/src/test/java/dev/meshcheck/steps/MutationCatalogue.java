package dev.meshcheck.steps;

import java.util.List;

/**
 * The seeded breakages {@link BrokenMeshIT} runs: at least three per area, each against the shipped
 * scenario that should catch it. Stateless.
 */
final class MutationCatalogue {
  private static final String HOTEL = "discovery/hotel.feature";
  private static final String QUEUES = "balancing/queue-groups.feature";
  private static final String NODE_LOSS = "failover/node-loss.feature";
  private static final String ACCOUNTS = "security/accounts.feature";
  private static final String PERMISSIONS = "security/permissions.feature";
  private static final String MAPPINGS = "routing/mappings.feature";
  private static final String OBSERVABILITY = "observability/advisories-and-latency.feature";
  private static final String TRACKED_EXPORT =
      "Every request to a tracked export is measured, across routes, and only those";
  private static final String CANARY =
      "A canary mapping sends about 10% of requests to v2 and 90% to v1";

  static final List<Mutation> ALL =
      List.of(
          Mutation.ofTopology(
              "discovery",
              "cluster routes removed (three unrouted servers)",
              HOTEL,
              "A saved reservation reaches compliance and persistence on other nodes, not logging",
              "isolated-nodes.yaml"),
          Mutation.ofTopology(
              "discovery",
              "a mapping renames app.reservations.save on its way",
              HOTEL,
              "A saved reservation reaches compliance and persistence on other nodes, not logging",
              "renamed-subject.yaml"),
          Mutation.ofTopology(
              "discovery",
              "subscriptions under app. refused by permissions",
              "discovery/wildcards.feature",
              "\"<pattern>\" receives <expected> of 5 messages sent to \"<subject>\"",
              "wildcards-denied.yaml"),
          Mutation.ofTopology(
              "discovery",
              "permissions forget $SRV.> (micro-service discovery)",
              "discovery/services.feature",
              "$SRV.PING finds every instance, wherever in the cluster it runs",
              "srv-denied.yaml"),
          Mutation.ofTopology(
                  "discovery",
                  "leaf-node links removed (hub listens for none, leaves dial none)",
                  "discovery/propagation.feature",
                  "Leaf nodes and hub reach each other in both directions",
                  "leaf-links-removed.yaml")
              .expecting(Mutation.Expected.CAUGHT_BY_READINESS),
          Mutation.ofTopology(
              "balancing",
              "cluster routes removed (three unrouted servers)",
              QUEUES,
              "Requests spread fairly over members on every node of the cluster",
              "isolated-nodes.yaml"),
          Mutation.ofTopology(
              "balancing",
              "a weighted mapping diverts 30% of svc.orders.create to an unserved subject",
              QUEUES,
              "Requests spread fairly over members on every node of the cluster",
              "requests-diverted.yaml"),
          Mutation.ofEdit(
              "balancing",
              "a queue group split by a typo (workers / wrokers)",
              QUEUES,
              "One copy per queue group plus one per plain subscriber",
              "\"worker-2\" on node 2 listening to \"jobs.new\" in queue group \"workers\"",
              "\"worker-2\" on node 2 listening to \"jobs.new\" in queue group \"wrokers\""),
          Mutation.ofTopology(
                  "balancing",
                  "gateways removed from the supercluster",
                  "balancing/geo-affinity.feature",
                  "Each cluster answers its own requests while it has members",
                  "gateways-removed.yaml")
              .expecting(Mutation.Expected.SKIPPED),
          Mutation.ofTopology(
              "failover",
              "one-server clusters joined only by gateways: clients learn no other server",
              NODE_LOSS,
              "A subscriber whose node is killed fails over to a node not in its seed list",
              "gateways-only.yaml"),
          Mutation.ofTopology(
              "failover",
              "servers advertise an unreachable client address (client_advertise)",
              NODE_LOSS,
              "Clients of a killed node reconnect, and the restarted node rejoins and routes again",
              "client-advertise-wrong.yaml"),
          Mutation.ofTopology(
              "failover",
              "cluster routes removed: clients of a lame-duck node have nowhere to go",
              NODE_LOSS,
              "Lame-duck mode moves clients off a node before it shuts down, and no request fails",
              "isolated-nodes.yaml"),
          Mutation.ofTopology(
              "security",
              "B's import of A's billing service removed",
              ACCOUNTS,
              "An exported service answers an account that imports it, across nodes",
              "missing-import.yaml"),
          Mutation.ofTopology(
              "security",
              "the restricted user's publish permissions opened",
              PERMISSIONS,
              "A denied publish is reported and delivers nothing",
              "missing-import.yaml"),
          Mutation.ofTopology(
              "security",
              "a private export opened to every account, and imported by B",
              ACCOUNTS,
              "A private export answers only the account it names",
              "private-export-opened.yaml"),
          Mutation.ofTopology(
              "security",
              "account isolation broken: I imports A's news",
              ACCOUNTS,
              "Accounts isolate traffic on the same subject",
              "isolation-broken.yaml"),
          Mutation.ofTopology(
              "security",
              "allow_responses removed from a publish-denied responder",
              PERMISSIONS,
              "allow_responses lets a responder answer requests but publish nothing else",
              "responses-denied.yaml"),
          Mutation.ofTopology(
              "routing",
              "canary weights 50/50 instead of 90/10",
              MAPPINGS,
              CANARY,
              "even-weights.yaml"),
          Mutation.ofTopology(
              "routing",
              "canary weights 80/20 instead of 90/10",
              MAPPINGS,
              CANARY,
              "heavy-canary.yaml"),
          Mutation.ofTopology(
              "routing", "the canary mapping removed", MAPPINGS, CANARY, "canary-removed.yaml"),
          Mutation.ofTopology(
              "routing",
              "a service import no longer renamed (to: dropped)",
              MAPPINGS,
              "An imported service is reached under the importer's own subject",
              "rename-dropped.yaml"),
          Mutation.ofTopology(
              "observability",
              "latency tracking removed from the quotes export",
              OBSERVABILITY,
              TRACKED_EXPORT,
              "latency-untracked.yaml"),
          Mutation.ofTopology(
              "observability",
              "latency measurements published on another subject",
              OBSERVABILITY,
              TRACKED_EXPORT,
              "latency-elsewhere.yaml"),
          Mutation.ofTopology(
              "observability",
              "no system account (system_account removed)",
              OBSERVABILITY,
              "The system account sees a client connect and disconnect",
              "no-system-account.yaml"),
          Mutation.ofTopology(
                  "security",
                  "TLS switched off on every link",
                  "security/tls.feature",
                  "A plaintext client is refused",
                  "tls-off.yaml")
              .expecting(Mutation.Expected.SKIPPED));

  private MutationCatalogue() {}
}
