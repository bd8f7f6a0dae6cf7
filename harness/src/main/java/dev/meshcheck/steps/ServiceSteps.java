package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.measure.EvenShareTest;
import dev.meshcheck.steps.RequestOutcome.Kind;
import dev.meshcheck.topology.MeshNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Steps about services in queue groups and the requests sent to them. */
public final class ServiceSteps {
  /** "Fails fast": no-responders must come back well before a request would time out. */
  static final long FAST_FAILURE_MILLIS = Requests.REQUEST_TIMEOUT.toMillis() / 4;

  // The steps whose last argument names a cluster: TopologyReferences checks it before the run.
  static final String SERVICE_IN_CLUSTER =
      "a service {string} answering {string} in queue group {string} with {int} member(s) in"
          + " cluster {string}";
  static final String ANSWERED_IN_CLUSTER = "all requests are answered in cluster {string}";
  static final String MEMBERS_IN_CLUSTER_LEAVE =
      "the members of {string} in cluster {string} leave";

  private final MeshLease mesh;
  private final Services services;
  private final Requests requests;

  public ServiceSteps(MeshLease mesh, Services services, Requests requests) {
    this.mesh = mesh;
    this.services = services;
    this.requests = requests;
  }

  /**
   * Example: {@code Given a service "orders" answering "svc.orders.>" in queue group "workers" with
   * 3 members spread over the nodes} (member i on node i, wrapping around).
   */
  @Example(
      "Given a service \"orders\" answering \"svc.orders.>\" in queue group \"workers\" with 3 members spread over the nodes")
  @Given(
      "a service {string} answering {string} in queue group {string} with {int} member(s) spread"
          + " over the nodes")
  public void aServiceSpreadOverTheNodes(String name, String subject, String queue, int members) {
    List<ClientSpec> placements = new ArrayList<>();
    int nodeCount = mesh.mesh().nodes().size();
    for (int i = 0; i < members; i++) {
      placements.add(ClientSpec.on(String.valueOf(i % nodeCount + 1)));
    }
    services.start(name, subject, queue, placements);
  }

  /**
   * Example: {@code Given a service "orders" answering "svc.orders.>" in queue group "workers" with
   * 2 members on node 1}.
   */
  @Example(
      "Given a service \"orders\" answering \"svc.orders.>\" in queue group \"workers\" with 2 members on node 1")
  @Given(
      "a service {string} answering {string} in queue group {string} with {int} member(s) on node"
          + " {node}")
  public void aServiceOnNode(String name, String subject, String queue, int members, String node) {
    services.start(
        name, subject, queue, java.util.Collections.nCopies(members, ClientSpec.on(node)));
  }

  /**
   * Example: {@code Given a service "orders" answering "svc.orders.>" in queue group "workers" with
   * 3 members in cluster "west"}.
   */
  @Example(
      "Given a service \"orders\" answering \"svc.orders.>\" in queue group \"workers\" with 3 members in cluster \"west\"")
  @Given(SERVICE_IN_CLUSTER)
  public void aServiceInCluster(
      String name, String subject, String queue, int members, String cluster) {
    List<MeshNode> nodes =
        mesh.mesh().nodes().stream().filter(n -> n.clusterName().equals(cluster)).toList();
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("the mesh has no cluster named '" + cluster + "'");
    }
    List<ClientSpec> placements = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      placements.add(ClientSpec.on(String.valueOf(nodes.get(i % nodes.size()).number())));
    }
    services.start(name, subject, queue, placements);
  }

  /**
   * Example: {@code Given a service "billing" of account "A" answering "billing.>" in queue group
   * "q" with 1 member on node 1}.
   */
  @Example(
      "Given a service \"billing\" of account \"A\" answering \"billing.>\" in queue group \"q\" with 1 member on node 1")
  @Given(
      "a service {string} of account {string} answering {string} in queue group {string} with"
          + " {int} member(s) on node {node}")
  public void aServiceOfAccountOnNode(
      String name, String account, String subject, String queue, int members, String node) {
    services.start(
        name, subject, queue, java.util.Collections.nCopies(members, ClientSpec.of(account, node)));
  }

  /** Example: {@code When a client on node 3 sends 500 requests to "svc.orders.create"}. */
  @Example("When a client on node 3 sends 500 requests to \"svc.orders.create\"")
  @When("a client on node {node} sends {int} request(s) to {string}")
  public void aClientSendsRequests(String node, int count, String subject) {
    requests.send(ClientSpec.on(node), subject, count);
  }

  /**
   * Example: {@code When a client of account "B" on node 2 sends 10 requests to "billing.charge"}.
   */
  @Example("When a client of account \"B\" on node 2 sends 10 requests to \"billing.charge\"")
  @When("a client of account {string} on node {node} sends {int} request(s) to {string}")
  public void aClientOfAccountSendsRequests(
      String account, String node, int count, String subject) {
    requests.send(ClientSpec.of(account, node), subject, count);
  }

  /** Example: {@code Then every request succeeds}. */
  @Example("Then every request succeeds")
  @Then("every request succeeds")
  public void everyRequestSucceeds() {
    RequestLog last = requests.last();
    assertThat(last.size()).as("requests were sent").isPositive();
    assertThat(last.failed()).as("every request answered: %s", last.describe()).isZero();
  }

  /** Example: {@code Then at most 1% of requests fail}. */
  @Example("Then at most 1% of requests fail")
  @Then("at most {int}% of requests fail")
  public void atMostPercentOfRequestsFail(int percent) {
    RequestLog last = requests.last();
    assertThat(last.size()).as("requests were sent").isPositive();
    assertThat(100.0 * last.failed() / last.size())
        .as("at most %d%% failed: %s", percent, last.describe())
        .isLessThanOrEqualTo(percent);
  }

  /**
   * Example: {@code Then the request fails fast with "no responders"} (every request of the last
   * batch, each within a quarter of the request timeout).
   */
  @Example("Then the request fails fast with \"no responders\"")
  @Then("the request(s) fail(s) fast with {string}")
  public void theRequestFailsFastWith(String failure) {
    RequestLog last = requests.last();
    Kind kind = kindNamed(failure);
    assertThat(last.size()).as("requests were sent").isPositive();
    assertThat(last.count(kind))
        .as("every request failed with %s: %s", failure, last.describe())
        .isEqualTo(last.size());
    long slowestMillis = last.maxLatencyNanos(kind).orElse(0L) / 1_000_000;
    assertThat(slowestMillis)
        .as("fails fast (under %d ms, not a timeout): %s", FAST_FAILURE_MILLIS, last.describe())
        .isLessThan(FAST_FAILURE_MILLIS);
  }

  static Kind kindNamed(String failure) {
    return switch (failure) {
      case "no responders" -> Kind.NO_RESPONDERS;
      case "timeout" -> Kind.TIMED_OUT;
      default ->
          throw new IllegalArgumentException(
              "unknown failure '" + failure + "'; valid: no responders, timeout");
    };
  }

  /**
   * Example: {@code Then every member of "workers" receives between 28% and 38% of the requests}.
   */
  @Example("Then every member of \"workers\" receives between 28% and 38% of the requests")
  @Then("every member of {string} receives between {int}% and {int}% of the requests")
  public void everyMemberReceivesBetween(String group, int lowPercent, int highPercent) {
    ServiceGroup service = services.named(group);
    RequestLog last = requests.last();
    long answered = last.size() - last.failed();
    assertThat(answered).as("some requests were answered: %s", last.describe()).isPositive();
    Map<String, Long> byMember = last.answeredByMember();
    for (ServiceMember member : service.runningMembers()) {
      double share = 100.0 * byMember.getOrDefault(member.memberId(), 0L) / answered;
      assertThat(share)
          .as(
              "fair spread: %s got %.1f%%, expected %d%%..%d%%; %s",
              member.memberId(), share, lowPercent, highPercent, last.describe())
          .isBetween((double) lowPercent, (double) highPercent);
    }
  }

  /**
   * Example: {@code Then the members of "workers" share the requests evenly, chi-square p-value at
   * least 0.001} (Pearson's test of the last batch's answers per running member against an even
   * share; a fair mesh fails it with probability 0.001).
   */
  @Example(
      "Then the members of \"workers\" share the requests evenly, chi-square p-value at least"
          + " 0.001")
  @Then("the members of {string} share the requests evenly, chi-square p-value at least {double}")
  public void membersShareEvenly(String group, double alpha) {
    List<ServiceMember> members = services.named(group).runningMembers();
    RequestLog last = requests.last();
    Map<String, Long> byMember = last.answeredByMember();
    List<Long> counts = members.stream().map(m -> byMember.getOrDefault(m.memberId(), 0L)).toList();
    assertThat(counts.stream().mapToLong(Long::longValue).sum())
        .as("some requests were answered: %s", last.describe())
        .isPositive();
    EvenShareTest test = EvenShareTest.of(counts);
    assertThat(test.pValue())
        .as(
            "even share over %d members: chi-square %.2f with %d degrees of freedom, p-value %.3g,"
                + " expected at least %s; answered per member %s",
            members.size(),
            test.chiSquare(),
            test.degreesOfFreedom(),
            test.pValue(),
            alpha,
            byMember)
        .isGreaterThanOrEqualTo(alpha);
  }

  /** Example: {@code Then all requests are answered in cluster "east"}. */
  @Example("Then all requests are answered in cluster \"east\"")
  @Then(ANSWERED_IN_CLUSTER)
  public void allRequestsAreAnsweredInCluster(String cluster) {
    RequestLog last = requests.last();
    assertThat(last.size()).as("requests were sent").isPositive();
    assertThat(last.answeredByCluster().getOrDefault(cluster, 0L))
        .as("every request answered in cluster %s: %s", cluster, last.describe())
        .isEqualTo(last.size());
  }

  /**
   * Example: {@code Then 10% of the requests are answered by "pricing-v2" within 4 points} (a
   * weighted mapping's canary share, in percentage points of all requests sent).
   */
  @Example("Then 10% of the requests are answered by \"pricing-v2\" within 4 points")
  @Then("{int}% of the requests are answered by {string} within {int} points")
  public void percentAnsweredByWithin(int percent, String service, int points) {
    RequestLog last = requests.last();
    assertThat(last.size()).as("requests were sent").isPositive();
    long byService =
        last.answeredByMember().entrySet().stream()
            .filter(e -> e.getKey().startsWith(service + "#"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    double share = 100.0 * byService / last.size();
    assertThat(share)
        .as(
            "weighted split: %s answered %.1f%% of the requests, expected %d%% +- %d points; %s",
            service, share, percent, points, last.describe())
        .isBetween((double) percent - points, (double) percent + points);
  }

  /** Example: {@code When 2 members of "workers" leave} (drained: in-flight requests finish). */
  @Example("When 2 members of \"workers\" leave")
  @When("{int} member(s) of {string} leave(s)")
  public void membersLeave(int count, String group) {
    List<ServiceMember> running = services.named(group).runningMembers();
    assertThat(running.size()).as("members to stop in %s", group).isGreaterThanOrEqualTo(count);
    services.stop(running.subList(0, count));
  }

  /** Example: {@code When the members of "orders" in cluster "east" leave}. */
  @Example("When the members of \"orders\" in cluster \"east\" leave")
  @When(MEMBERS_IN_CLUSTER_LEAVE)
  public void theMembersInClusterLeave(String group, String cluster) {
    services.stop(
        services.named(group).runningMembers().stream()
            .filter(m -> m.clusterName().equals(cluster))
            .toList());
  }
}
