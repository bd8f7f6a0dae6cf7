package dev.meshcheck.load;

import dev.meshcheck.load.transport.ConnectionEvents;
import dev.meshcheck.load.transport.MessageSender;
import dev.meshcheck.load.transport.Requester;
import dev.meshcheck.load.transport.Responder;
import dev.meshcheck.load.transport.Transport;
import dev.meshcheck.measure.Fairness;
import dev.meshcheck.measure.PhaseRecorders;
import dev.meshcheck.result.PlacementOutcome;
import dev.meshcheck.scenario.Shard;
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
 * Closed loop when the rate is max. In a shard, it opens the shard's share of clients and members,
 * named and stamped with their numbers in the whole workload.
 */
final class RequestReplyDriver implements WorkloadDriver {
  private final Workload workload;
  private final Clock clock;
  private final ConnectionEvents events;
  private final List<Responder> members = new ArrayList<>();
  private final Map<String, HandledRequests> handledByMember = new LinkedHashMap<>();
  private final List<MeshNode> memberNodes = new ArrayList<>();
  private final List<Client> clients = new ArrayList<>();
  private final NodeAssignment nodes;

  RequestReplyDriver(
      Workload workload,
      NodeAssignment nodes,
      Clock clock,
      PhaseRecorders warmup,
      PhaseRecorders measured,
      ConnectionEvents events,
      Shard shard)
      throws IOException, InterruptedException {
    this.workload = workload;
    this.clock = clock;
    this.events = events;
    this.nodes = nodes;
    Transport transport = Transports.forClient(workload.client(), events, clock);
    try {
      int memberCount = workload.receivers().service().memberCount();
      for (int i = 0; i < shard.share(memberCount); i++) {
        int number = shard.offset(memberCount) + i;
        String name = shard.connectionName("member", number);
        MeshNode node = nodes.member(name, number);
        HandledRequests handled = new HandledRequests(workload.senders().count());
        members.add(
            transport.responder(
                node.clientUrl(),
                name,
                workload.subject(),
                workload.receivers().service().queueGroup(),
                handled));
        handledByMember.put(name, handled);
        memberNodes.add(node);
      }
      int clientCount = workload.senders().count();
      for (int i = 0; i < shard.share(clientCount); i++) {
        int number = shard.offset(clientCount) + i;
        String name = shard.connectionName("client", number);
        MeshNode node = nodes.sender(name, number);
        ReplyBook replies =
            new ReplyBook(clock, warmup, measured, workload.timing().requestTimeout());
        clients.add(
            new Client(
                transport.requester(node.clientUrl(), name, workload.subject(), replies), replies));
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
                + events.errorsAsSentence());
      }
      for (Client client : clients) {
        if (client.replies().probeReplies() == 0) {
          client.requester().sendProbe(probe.clone());
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
  public MessageSender senderFor(int senderIndex) {
    return clients.get(senderIndex).requester();
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
    handledByMember.forEach(
        (name, handled) -> {
          perMember.put(name, handled.measured());
          byClient.add(handled.measuredByClient());
        });
    PlacementOutcome placement =
        new PlacementOutcome(
            nodes.placements(),
            perMember,
            Fairness.of(perMember.values()),
            nodes.deliveriesByLink(memberNodes, byClient));
    return new DriverReport(
        0,
        clients.stream().mapToLong(c -> c.replies().duplicates()).sum(),
        0, // replies to independent requests promise no order (WorkloadKind.promisesOrder)
        placement,
        DriverReport.Health.of(events),
        List.of());
  }

  @Override
  public void closeSenders() {
    clients.forEach(c -> c.requester().close());
  }

  @Override
  public void close() {
    closeSenders();
    members.forEach(Responder::close);
  }

  /** A requesting connection and the bookkeeping of its replies. */
  private record Client(Requester requester, ReplyBook replies) {}
}
