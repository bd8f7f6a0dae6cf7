package dev.meshcheck.load;

import dev.meshcheck.load.transport.ConnectionEvents;
import dev.meshcheck.load.transport.MessageSender;
import dev.meshcheck.load.transport.Publisher;
import dev.meshcheck.load.transport.Receiver;
import dev.meshcheck.load.transport.ReceiverSpec;
import dev.meshcheck.load.transport.Transport;
import dev.meshcheck.measure.Fairness;
import dev.meshcheck.measure.PhaseRecorders;
import dev.meshcheck.result.PlacementOutcome;
import dev.meshcheck.result.WorkloadLedger.ReceiverTally;
import dev.meshcheck.scenario.Shard;
import dev.meshcheck.scenario.Workload;
import dev.meshcheck.scenario.WorkloadKind;
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
 * Fan-out and queue fan-out: {@code publishers} connections from node 1; plain subscribers (every
 * one gets every message) and, for queue fan-out, the members of one queue group (one of them gets
 * each message), spread over the nodes from node 2. The connections are jnats or wire ones, as the
 * workload's client says; the bookkeeping is the same. In a shard, it opens the shard's share of
 * each role; its receivers expect every publisher of the whole workload (stamp ids are global).
 */
final class FanOutDriver implements WorkloadDriver {
  private final Workload workload;
  private final Clock clock;
  private final ConnectionEvents events;
  private final Transport transport;
  private final PhaseRecorders warmup;
  private final PhaseRecorders measured;
  private final List<Publisher> publishers = new ArrayList<>();
  private final List<Subscription> plainSubscribers = new ArrayList<>();
  private final List<Subscription> groupMembers = new ArrayList<>();
  private final List<MeshNode> plainSubscriberNodes = new ArrayList<>();
  private final List<MeshNode> groupMemberNodes = new ArrayList<>();
  private final NodeAssignment nodes;
  private final Shard shard;

  FanOutDriver(
      Workload workload,
      NodeAssignment nodes,
      Clock clock,
      PhaseRecorders warmup,
      PhaseRecorders measured,
      ConnectionEvents events,
      LoadTuning tuning,
      Shard shard)
      throws IOException, InterruptedException {
    this.workload = workload;
    this.shard = shard;
    this.clock = clock;
    this.events = events;
    this.transport = Transports.forClient(workload.client(), events, clock);
    this.warmup = warmup;
    this.measured = measured;
    this.nodes = nodes;
    try {
      int subscribers = workload.receivers().subscriberCount();
      for (int i = 0; i < shard.share(subscribers); i++) {
        int number = shard.offset(subscribers) + i;
        String name = shard.connectionName("subscriber", number);
        Duration delay = number == 0 ? tuning.slowSubscriberDelay() : Duration.ZERO;
        int pending = number == 0 ? tuning.subscriberPendingLimit() : 0;
        var spec = new ReceiverSpec(name, workload.subject(), null, delay, pending);
        MeshNode node = nodes.subscriber(name, number);
        plainSubscribers.add(receiver(spec, node, new DeliveryTracker(publisherCount())));
        plainSubscriberNodes.add(node);
      }
      if (workload.kind() == WorkloadKind.QUEUE_FAN_OUT) {
        DeliveryTracker group = new DeliveryTracker(publisherCount());
        int members = workload.receivers().service().memberCount();
        for (int i = 0; i < shard.share(members); i++) {
          int number = shard.offset(members) + i;
          String name = shard.connectionName("member", number);
          var spec =
              new ReceiverSpec(
                  name,
                  workload.subject(),
                  workload.receivers().service().queueGroup(),
                  Duration.ZERO,
                  0);
          MeshNode node = nodes.member(name, number);
          groupMembers.add(receiver(spec, node, group));
          groupMemberNodes.add(node);
        }
      }
      for (int i = 0; i < shard.share(publisherCount()); i++) {
        int number = shard.offset(publisherCount()) + i;
        String name = shard.connectionName("publisher", number);
        MeshNode node = nodes.sender(name, number);
        publishers.add(transport.publisher(node.clientUrl(), name, workload.subject()));
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private Subscription receiver(ReceiverSpec spec, MeshNode node, DeliveryTracker tracker)
      throws IOException, InterruptedException {
    var deliveries =
        new DeliveryRecorder(spec.name(), tracker, warmup, measured, spec.delayPerMessage());
    Receiver receiver = transport.receiver(node.clientUrl(), spec, deliveries);
    return new Subscription(receiver, deliveries);
  }

  private int publisherCount() {
    return workload.senders().count();
  }

  @Override
  public void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = clock.nanoTime() + timeout.toNanos();
    byte[] probe = new byte[Stamp.BYTES];
    Stamp.write(probe, 0, 0, 0, 0, Stamp.PROBE);
    while (!everyReceiverProbed()) {
      if (clock.nanoTime() > deadline) {
        throw new IllegalStateException(
            "not every subscriber of '"
                + workload.subject()
                + "' received a probe within "
                + timeout
                + " ("
                + nodes.describePlacements()
                + ")"
                + events.errorsAsSentence());
      }
      for (Publisher publisher : publishers) {
        publisher.send(probe.clone());
        publisher.pushBuffered();
      }
      Thread.sleep(50);
    }
  }

  private boolean everyReceiverProbed() {
    boolean plainReady = plainSubscribers.stream().allMatch(s -> s.deliveries().probes() > 0);
    boolean groupReady =
        groupMembers.isEmpty() || groupMembers.stream().anyMatch(s -> s.deliveries().probes() > 0);
    return plainReady && groupReady;
  }

  @Override
  public void begin(RunPhases phases) {}

  @Override
  public MessageSender senderFor(int senderIndex) {
    return publishers.get(senderIndex);
  }

  @Override
  public Optional<Semaphore> completionsFor(int senderIndex) {
    return Optional.empty();
  }

  @Override
  public void drain(long[] measuredSentBySender, Duration timeout) throws InterruptedException {
    long deadline = clock.nanoTime() + timeout.toNanos();
    for (Publisher publisher : publishers) {
      // A publisher that cannot flush (its node is gone) has lost what it holds; counted below.
      publisher.flush(Duration.ofNanos(Math.max(1, deadline - clock.nanoTime())));
    }
    long total = expectedPerReceiver(measuredSentBySender);
    long lastActivity = -1;
    long quietSince = clock.nanoTime();
    while (clock.nanoTime() < deadline && !allDelivered(total)) {
      long activity = activity();
      if (activity != lastActivity) {
        lastActivity = activity;
        quietSince = clock.nanoTime();
      } else if (clock.nanoTime() - quietSince > Duration.ofSeconds(2).toNanos()) {
        return; // nothing arrives any more: the rest is lost
      }
      Thread.sleep(20);
    }
  }

  /**
   * What each receiver should get. A shard knows only what its own publishers sent; with a message
   * count it knows the whole, else it waits until deliveries stop.
   */
  private long expectedPerReceiver(long[] measuredSentBySender) {
    if (shard.isWhole()) {
      return java.util.Arrays.stream(measuredSentBySender).sum();
    }
    return workload.senders().messagesEach().isPresent()
        ? workload.senders().messagesEach().getAsLong() * publisherCount()
        : Long.MAX_VALUE;
  }

  /**
   * This shard's publishers' counts at their ids in the whole workload; others' are unknown (0).
   */
  private long[] byGlobalSender(long[] measuredSentBySender) {
    long[] global = new long[publisherCount()];
    System.arraycopy(
        measuredSentBySender,
        0,
        global,
        shard.offset(publisherCount()),
        measuredSentBySender.length);
    return global;
  }

  private long activity() {
    long sum = 0;
    for (Subscription s : plainSubscribers) {
      sum += s.deliveries().activity();
    }
    for (Subscription s : groupMembers) {
      sum += s.deliveries().activity();
    }
    return sum;
  }

  private boolean allDelivered(long total) {
    boolean plain =
        plainSubscribers.stream().allMatch(s -> s.deliveries().tracker().distinct() >= total);
    boolean group =
        groupMembers.isEmpty() || groupMembers.get(0).deliveries().tracker().distinct() >= total;
    return plain && group;
  }

  @Override
  public DriverReport report(long[] localSentBySender) {
    long[] measuredSentBySender = byGlobalSender(localSentBySender);
    long lost = 0;
    long duplicates = 0;
    long outOfOrder = 0;
    for (Subscription s : plainSubscribers) {
      DeliveryTracker tracker = s.deliveries().tracker();
      lost += tracker.lost(measuredSentBySender);
      duplicates += tracker.duplicates();
      outOfOrder += s.deliveries().measuredOutOfOrder();
    }
    if (!groupMembers.isEmpty()) {
      DeliveryTracker group = groupMembers.get(0).deliveries().tracker();
      lost += group.lost(measuredSentBySender);
      duplicates += group.duplicates();
      for (Subscription member : groupMembers) {
        outOfOrder += member.deliveries().measuredOutOfOrder();
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    (groupMembers.isEmpty() ? plainSubscribers : groupMembers)
        .forEach(s -> counts.put(s.deliveries().name(), s.deliveries().measuredReceived()));
    List<MeshNode> receiverNodes = new ArrayList<>(plainSubscriberNodes);
    receiverNodes.addAll(groupMemberNodes);
    List<long[]> byPublisher = new ArrayList<>();
    plainSubscribers.forEach(s -> byPublisher.add(s.deliveries().measuredByPublisher()));
    groupMembers.forEach(s -> byPublisher.add(s.deliveries().measuredByPublisher()));
    PlacementOutcome placement =
        new PlacementOutcome(
            nodes.placements(),
            counts,
            Fairness.of(counts.values()),
            nodes.deliveriesByLink(receiverNodes, byPublisher));
    return new DriverReport(
        lost, duplicates, outOfOrder, placement, DriverReport.Health.of(events), tallies());
  }

  private List<ReceiverTally> tallies() {
    List<ReceiverTally> tallies = new ArrayList<>();
    for (Subscription s : plainSubscribers) {
      tallies.add(
          tally(
              s.deliveries().name(),
              Optional.empty(),
              s.deliveries().tracker(),
              s.deliveries().measuredOutOfOrder()));
    }
    if (!groupMembers.isEmpty()) {
      String group = workload.receivers().service().queueGroup();
      long outOfOrder =
          groupMembers.stream().mapToLong(m -> m.deliveries().measuredOutOfOrder()).sum();
      tallies.add(
          tally(group, Optional.of(group), groupMembers.get(0).deliveries().tracker(), outOfOrder));
    }
    return tallies;
  }

  private static ReceiverTally tally(
      String name, Optional<String> group, DeliveryTracker t, long outOfOrder) {
    return new ReceiverTally(name, group, t.distinctByPublisher(), t.duplicates(), outOfOrder);
  }

  @Override
  public void closeSenders() {
    publishers.forEach(Publisher::close);
  }

  @Override
  public void close() {
    closeSenders();
    plainSubscribers.forEach(s -> s.receiver().close());
    groupMembers.forEach(s -> s.receiver().close());
  }

  /** A receiving connection and what records its deliveries. */
  private record Subscription(Receiver receiver, DeliveryRecorder deliveries) {}
}
