package dev.meshcheck.load;

import dev.meshcheck.measure.Fairness;
import dev.meshcheck.measure.PhaseRecorders;
import dev.meshcheck.result.PlacementOutcome;
import dev.meshcheck.scenario.Workload;
import dev.meshcheck.topology.MeshNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Request-reply: {@code members} service members in one queue group, spread over the nodes from
 * node 2, and {@code clients} requesting connections from node 1, on the client the workload names.
 * Closed loop when the rate is max.
 */
final class RequestReplyDriver implements WorkloadDriver {
  private final Workload workload;
  private final Clock clock;
  private final LoadConnections connections;
  private final List<Responder> members = new ArrayList<>();
  private final List<HandledRequests> handled = new ArrayList<>();
  private final List<MeshNode> memberNodes = new ArrayList<>();
  private final List<Requester> clients = new ArrayList<>();
  private final NodeAssignment nodes;

  RequestReplyDriver(
      Workload workload,
      NodeAssignment nodes,
      Clock clock,
      PhaseRecorders warmup,
      PhaseRecorders measured,
      LoadConnections connections)
      throws IOException, InterruptedException {
    this.workload = workload;
    this.clock = clock;
    this.connections = connections;
    this.nodes = nodes;
    RequestReplyClients transport = RequestReplyClients.of(workload.client(), connections, clock);
    try {
      for (int i = 0; i < workload.receivers().service().memberCount(); i++) {
        String name = "member-" + (i + 1);
        MeshNode node = nodes.member(name, i);
        HandledRequests counts = new HandledRequests(workload.senders().count());
        members.add(
            transport.member(
                node.clientUrl(),
                name,
                workload.subject(),
                workload.receivers().service().queueGroup(),
                counts));
        handled.add(counts);
        memberNodes.add(node);
      }
      for (int i = 0; i < workload.senders().count(); i++) {
        String name = "client-" + (i + 1);
        MeshNode node = nodes.sender(name, i);
        ReplyBook replies =
            new ReplyBook(clock, warmup, measured, workload.timing().requestTimeout());
        clients.add(transport.client(node.clientUrl(), name, workload.subject(), replies));
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = clock.nanoTime() + timeout.toNanos();
    byte[] probe = new byte[Stamp.BYTES];
    Stamp.write(probe, 0, 0, 0, 0, Stamp.PROBE);
    // Interest crosses routes and gateways asynchronously: probe until every client got an answer.
    while (clients.stream().anyMatch(c -> c.replies().probeReplies() == 0)) {
      if (clock.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the service on '"
                + workload.subject()
                + "' did not answer every client within "
                + timeout
                + " ("
                + nodes.describePlacements()
                + ")"
                + connections.errors().asSentence());
      }
      for (Requester client : clients) {
        if (client.replies().probeReplies() == 0) {
          client.sendProbe(probe.clone());
        }
      }
      Thread.sleep(50);
    }
  }

  @Override
  public void begin(RunPhases phases) {
    clients.forEach(c -> c.replies().begin(phases));
  }

  @Override
  public SendLoop.MessageSender senderFor(int senderIndex) {
    return clients.get(senderIndex);
  }

  @Override
  public Optional<Semaphore> completionsFor(int senderIndex) {
    return workload.senders().rate().isMax()
        ? Optional.of(clients.get(senderIndex).replies().completions())
        : Optional.empty();
  }

  @Override
  public void drain(long[] measuredSentBySender, Duration timeout) throws InterruptedException {
    long deadline =
        clock.nanoTime()
            + Math.min(timeout.toNanos(), workload.timing().requestTimeout().toNanos());
    while (clock.nanoTime() < deadline && !allSettled(measuredSentBySender)) {
      Thread.sleep(10);
    }
    for (int i = 0; i < clients.size(); i++) {
      clients.get(i).replies().settleTimeouts(measuredSentBySender[i]);
    }
  }

  private boolean allSettled(long[] measuredSentBySender) {
    for (int i = 0; i < clients.size(); i++) {
      if (clients.get(i).replies().settled() < measuredSentBySender[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public DriverReport report(long[] measuredSentBySender) {
    Map<String, Long> perMember = new LinkedHashMap<>();
    List<long[]> byClient = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      perMember.put(members.get(i).name(), handled.get(i).measured());
      byClient.add(handled.get(i).measuredByClient());
    }
    PlacementOutcome placement =
        new PlacementOutcome(
            nodes.placements(),
            perMember,
            Fairness.of(perMember.values()),
            nodes.deliveriesByLink(memberNodes, byClient));
    return new DriverReport(
        0,
        clients.stream().mapToLong(c -> c.replies().duplicates()).sum(),
        clients.stream().mapToLong(c -> c.replies().outOfOrder()).sum(),
        placement,
        DriverReport.Health.of(connections));
  }

  @Override
  public void closeSenders() {
    clients.forEach(Requester::close);
  }

  @Override
  public void close() {
    clients.forEach(Requester::close);
    members.forEach(Responder::close);
  }
}
