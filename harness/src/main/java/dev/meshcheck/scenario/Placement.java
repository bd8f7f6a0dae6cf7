package dev.meshcheck.scenario;

/**
 * Where each role of a workload sits (the scenario file's {@code on:} fields). Spread, the default,
 * puts senders round robin from node 1 and receivers from node 2, so that on a cluster traffic
 * crosses routes.
 *
 * <pre>{@code
 * Placement acrossGateway = new Placement(NodeChoice.on("east"), NodeChoice.spread(), NodeChoice.on("west"));
 * }</pre>
 *
 * @param senders publishers or requesting clients
 * @param subscribers plain subscribers
 * @param members queue group members (service members)
 */
public record Placement(NodeChoice senders, NodeChoice subscribers, NodeChoice members) {
  public static Placement spread() {
    return new Placement(NodeChoice.spread(), NodeChoice.spread(), NodeChoice.spread());
  }
}
