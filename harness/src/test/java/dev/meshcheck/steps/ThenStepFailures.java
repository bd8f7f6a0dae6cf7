package dev.meshcheck.steps;

import java.util.List;

/**
 * The list of every Then step with a scenario that shows it failing, on a broken mesh or against a
 * wrong expectation, and the words its failure must contain. The scenarios live in {@code
 * src/test/resources/failing/}; {@link ThenStepsFailIT} runs them, {@link ThenStepCoverageTest}
 * keeps the list complete. Stateless.
 */
final class ThenStepFailures {
  /**
   * @param step the Then step's pattern, as {@code meshcheck steps} lists it
   * @param feature the feature file under {@code failing/}
   * @param scenario the scenario that must fail
   * @param reason words the failure must contain
   */
  record Entry(String step, String feature, String scenario, String reason) {}

  static final List<Entry> ENTRIES =
      List.of(
          new Entry(
              "the median request time is between {int} and {int} ms",
              "link-faults.feature",
              "median request time: no latency was added",
              "median request time in ms"),
          new Entry(
              "every request is answered within {int} ms",
              "link-faults.feature",
              "answered within: the client's link is slowed",
              "slowest answer in ms"),
          new Entry(
              "within {int} seconds a client on node {node} sees requests to {string} fail fast with"
                  + " {string}",
              "link-faults.feature",
              "fail fast within: the service answers",
              "fail fast with no responders: not within"),
          new Entry(
              "{string} receives exactly {int} message(s)",
              "pubsub.feature",
              "receives exactly: one more than was sent",
              "'sub' receives 6 messages: not within"),
          new Entry(
              "{string} receives exactly {int} message(s)",
              "pubsub.feature",
              "receives exactly: one less than was sent",
              "exactly 4 messages, no more"),
          new Entry(
              "{string} receives exactly {int} message(s) in order",
              "pubsub.feature",
              "receives exactly in order: a connection subscribed twice gets duplicates",
              "in order and without duplicates"),
          new Entry(
              "{string} receives no messages",
              "pubsub.feature",
              "receives no messages: it does receive",
              "no messages: 'sub'"),
          new Entry(
              "{string} receives no messages",
              "cut-off.feature",
              "receives no messages: the subscriber's node is gone",
              "could not confirm the subscriber was listening"),
          new Entry(
              "{string} receives {int} message(s) on {string}",
              "pubsub.feature",
              "receives on a subject: another count",
              "messages on fail.x"),
          new Entry(
              "{string} and {string} together receive exactly {int} message(s)",
              "pubsub.feature",
              "together receive exactly: two plain subscribers are no queue group",
              "one copy per queue group"),
          new Entry(
              "{string} is reconnected to another node than node {node} within {int} seconds",
              "cut-off.feature",
              "is reconnected to another node: its client learnt no other server",
              "reconnected to a node other than 1: not within"),
          new Entry(
              "within {int} seconds all clients are reconnected",
              "cut-off.feature",
              "all clients are reconnected: a client learnt no other server",
              "all clients reconnected: not within"),
          new Entry(
              "within {int} seconds all clients are reconnected",
              "services.feature",
              "all clients are reconnected: no client lost its connection",
              "no client of this scenario lost its connection"),
          new Entry(
              "every client that was on node {node} was told it went into lame-duck mode",
              "services.feature",
              "told of lame-duck mode: the node never went into it",
              "that saw the lame-duck notice"),
          new Entry(
              "every request succeeds",
              "services.feature",
              "every request succeeds: nobody answers",
              "every request answered"),
          new Entry(
              "at most {int}% of requests fail",
              "services.feature", "at most a share fails: nobody answers", "at most 1% failed"),
          new Entry(
              "at most {int} request(s) fail(s)",
              "services.feature",
              "at most a number fails: nobody answers",
              "at most 1 failed"),
          new Entry(
              "the request(s) fail(s) fast with {string}",
              "services.feature",
              "fails fast with no responders: a service answers",
              "every request failed with no responders"),
          new Entry(
              "every member of {string} receives between {int}% and {int}% of the requests",
              "services.feature",
              "every member receives a share: three members cannot each get half",
              "fair spread"),
          new Entry(
              "the members of {string} share the requests evenly, chi-square p-value at least"
                  + " {double}",
              "balance.feature",
              "share evenly: members in another cluster get nothing",
              "even share over 6 members: chi-square"),
          new Entry(
              "all requests are answered in cluster {string}",
              "clusters.feature",
              "answered in a cluster: the members are in the other cluster",
              "every request answered in cluster east"),
          new Entry(
              "{int}% of the requests are answered by {string} within {int} points",
              "services.feature", "answered by a share: one service answers all", "weighted split"),
          new Entry(
              "{int} instance(s) of {string} answer(s)",
              "services.feature",
              "instances answer: one more than runs",
              "$SRV.PING orders finds every running instance"),
          new Entry(
              "every instance of {string} describes the endpoint {string} in queue group {string}",
              "services.feature",
              "instances describe the endpoint: another queue group",
              "$SRV.INFO orders: every instance lists svc.orders.> in queue group others"),
          new Entry(
              "every instance of {string} describes the endpoint {string} in queue group {string}",
              "services.feature",
              "instances describe the endpoint: another subject",
              "$SRV.INFO orders: every instance lists svc.billing.> in queue group workers"),
          new Entry(
              "the stats of {string} count {int} request(s)",
              "services.feature",
              "stats count requests: one more than were sent",
              "$SRV.STATS orders counts 5 requests"),
          new Entry(
              "node {node} has interest in {string}",
              "services.feature",
              "node has interest: nobody subscribed there",
              "node 3 has local interest in interest.x"),
          new Entry(
              "{string} is denied subscribing to {string}",
              "security.feature",
              "denied subscribing: the subscription is allowed",
              "Permissions Violation for Subscription to \"allowed.>\""),
          new Entry(
              "clients of account {string} are denied publishing to {string}",
              "security.feature",
              "denied publishing: the publish is allowed",
              "Permissions Violation for Publish to \"allowed.news\""),
          new Entry(
              "node {node} refuses a plaintext client",
              "tls.feature",
              "refuses a plaintext client: the mesh speaks plaintext",
              "node 1 answered a plaintext client"),
          new Entry(
              "the route and gateway ports of node {node} speak TLS only",
              "tls.feature",
              "route and gateway ports speak TLS only: the routes are plaintext",
              "the route port"),
          new Entry(
              "a client that does not trust the mesh's CA cannot connect to node {node}",
              "tls.feature",
              "a client that does not trust the CA cannot connect: nothing is verified",
              "is refused on the certificate"),
          new Entry(
              "{string} sees {string} of account {string} connect and disconnect",
              "observability.feature",
              "sees connect and disconnect: the client is of another account",
              "in account SVC: not within"),
          new Entry(
              "{string} sees {string} of account {string} connect and disconnect",
              "observability.feature",
              "sees connect and disconnect: the client never leaves",
              "disconnect advisory of 'subscriber-stays'"),
          new Entry(
              "{string} receives {int} service latency measurement(s)",
              "observability.feature",
              "receives latency measurements: the export does not track latency",
              "'metrics' receives 5 service latency measurements: not within"),
          new Entry(
              "{string} receives {int} service latency measurement(s)",
              "observability.feature",
              "receives latency measurements: one more than were requested",
              "'metrics' receives 5 service latency measurements: not within"),
          new Entry(
              "stream {string} holds {int} message(s)",
              "jetstream.feature",
              "stream holds: one more than was stored",
              "messages in stream FAIL"));

  private ThenStepFailures() {}
}
