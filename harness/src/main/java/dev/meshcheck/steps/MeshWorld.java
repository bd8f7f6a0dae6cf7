package dev.meshcheck.steps;

import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.scenario.TopologyFiles;
import dev.meshcheck.topology.MeshNode;
import dev.meshcheck.topology.NodeState;
import dev.meshcheck.topology.RunningMesh;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.opentest4j.TestAbortedException;

/**
 * Everything one scenario has made and seen: its mesh, clients, subscribers, services and request
 * outcomes. Cucumber's picocontainer creates one per scenario and injects it into every step class;
 * {@link Hooks} closes it after the scenario, which closes every connection, subscription and
 * service, and gives the mesh back to the {@link MeshPool} (which keeps it for the next scenario of
 * the same feature unless a fault was injected).
 *
 * <p>For step authors, the rules: Given/When steps act through the world and record what happened
 * (a failed request is an outcome in {@link #requests()}, not an exception); Then steps assert on
 * what was recorded, waiting with {@link Waits} where delivery is asynchronous. A step that injects
 * a fault calls {@link #markMeshDisturbed}. Nodes are named as the features name them: {@code "2"}
 * or {@code "west-1"}. Not thread-safe: steps run on one thread.
 *
 * <pre>{@code
 * world.useMesh("cluster-3");
 * RecordingSubscriber audit = world.subscribe("audit", ClientSpec.on("2"), "app.*.save", Optional.empty());
 * world.publish(ClientSpec.on("1"), "app.rooms.save", 10);
 * world.settle(audit);   // everything sent so far has arrived or never will
 * }</pre>
 */
public final class MeshWorld implements AutoCloseable {
  /** How long a Then step waits for asynchronous delivery before it fails. */
  public static final Duration DELIVERY_DEADLINE = Duration.ofSeconds(10);

  /** How long one request waits for an answer. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

  private final Logins logins = new Logins();
  private final Map<String, RecordingSubscriber> subscribers = new LinkedHashMap<>();
  private final Map<String, ServiceGroup> services = new LinkedHashMap<>();
  private final Map<ClientSpec, TrackedClient> sharedClients = new HashMap<>();
  private final Map<String, TrackedClient> namedClients = new HashMap<>();
  private final Set<ClientSpec> publishedFrom = new LinkedHashSet<>();
  private final RequestLog requests = new RequestLog();
  private final Map<String, List<String>> discoveredInstances = new HashMap<>();
  private final Map<Class<?>, Object> extensions = new LinkedHashMap<>();
  private final Requester requester = new Requester(REQUEST_TIMEOUT, System::nanoTime);
  private ScenarioContext scenario = ScenarioContext.none();
  private MeshPool.Lease lease;
  private Clients clients;
  private String disturbedBy = "";
  private int lastBatchStart;
  private int publisherCount;

  /** Called by {@link Hooks} before the first step. */
  void beginScenario(ScenarioContext context) {
    this.scenario = context;
  }

  // ---- mesh -------------------------------------------------------------------------------

  /**
   * Brings up (or reuses) a mesh of the named topology, or of the run's override. Aborts the
   * scenario (skipped, with the reason) when the mesh lacks what the scenario's tags need.
   */
  public RunningMesh useMesh(String topologyNameOrPath) {
    if (lease != null) {
      throw new IllegalStateException(
          "this scenario already has a mesh: " + mesh().topology().name());
    }
    RunSettings settings = RunSettings.fromSystemProperties();
    String chosen = settings.topologyOverride().orElse(topologyNameOrPath);
    Topology topology = TopologyFiles.resolve(chosen, ProjectLayout.discover());
    lease = MeshPool.shared().acquire(topology, settings, scenario.featureUri());
    clients = new Clients(lease.mesh(), logins);
    scenario.log(
        ScenarioContext.ENV_PREFIX
            + " topology="
            + topology.name()
            + " backend="
            + lease.mesh().backend().cliName()
            + " server="
            + lease.mesh().serverVersion());
    Capabilities.missing(
            scenario.tags(), topology, lease.mesh().backend(), lease.mesh().serverVersion())
        .ifPresent(
            reason -> {
              throw new TestAbortedException("skipped: " + reason);
            });
    return lease.mesh();
  }

  /** The scenario's mesh; fails when no {@code Given a "..." mesh} step ran. */
  public RunningMesh mesh() {
    if (lease == null) {
      throw new IllegalStateException(
          "no mesh yet: start the scenario with a step like Given a \"cluster-3\" mesh");
    }
    return lease.mesh();
  }

  public MeshNode node(String nodeName) {
    return mesh().node(nodeName);
  }

  /** After a fault the mesh is closed at the end of the scenario instead of being reused. */
  public void markMeshDisturbed(String why) {
    disturbedBy = why;
  }

  /** Node numbers ("1", "2", ...) of the nodes that run now. */
  public List<String> runningNodeNames() {
    return mesh().nodes().stream()
        .filter(n -> n.state() == NodeState.RUNNING)
        .map(n -> String.valueOf(n.number()))
        .toList();
  }

  // ---- clients ------------------------------------------------------------------------------

  public void defineLogin(String account, String user, String password) {
    logins.define(account, user, password);
  }

  /** A new client named {@code name}; later steps find it with {@link #client(String)}. */
  public TrackedClient connect(String name, ClientSpec spec) {
    TrackedClient client = clients().connect(name, spec);
    namedClients.put(name, client);
    return client;
  }

  public TrackedClient client(String name) {
    TrackedClient client = namedClients.get(name);
    if (client == null) {
      throw new IllegalArgumentException(
          "no client named '" + name + "'; known: " + namedClients.keySet());
    }
    return client;
  }

  /**
   * The scenario's one unnamed client for {@code spec} ("a client on node 3"), made on first use.
   */
  public TrackedClient sharedClient(ClientSpec spec) {
    return sharedClients.computeIfAbsent(
        spec, s -> clients().connect("client-" + s.describe().replace(' ', '-'), s));
  }

  /** Every client of the scenario, including the ones subscribers and services use. */
  public List<TrackedClient> allClients() {
    return clients == null ? List.of() : clients.all();
  }

  private Clients clients() {
    mesh();
    return clients;
  }

  // ---- publish / subscribe ------------------------------------------------------------------

  /** A subscriber whose interest has reached every running node when this returns. */
  public RecordingSubscriber subscribe(
      String name, ClientSpec spec, String subject, Optional<String> queueGroup) {
    return subscribe(name, spec, List.of(subject), queueGroup);
  }

  /**
   * A subscriber to several subjects on one connection; see {@link #subscribe(String, ClientSpec,
   * String, Optional)}.
   */
  public RecordingSubscriber subscribe(
      String name, ClientSpec spec, List<String> subjects, Optional<String> queueGroup) {
    if (subscribers.containsKey(name)) {
      throw new IllegalArgumentException("there is already a subscriber named '" + name + "'");
    }
    TrackedClient client = clients().connect("subscriber-" + name, spec);
    RecordingSubscriber subscriber = new RecordingSubscriber(name, client, subjects, queueGroup);
    subscriber.start();
    awaitInterest(client, "subscriber '" + name + "' on " + subjects);
    subscribers.put(name, subscriber);
    return subscriber;
  }

  /** A JetStream push consumer that records like a subscriber; see {@link #subscriber}. */
  public RecordingSubscriber subscribeJetStream(
      String name, ClientSpec spec, String subject, io.nats.client.PushSubscribeOptions options)
      throws java.io.IOException, io.nats.client.JetStreamApiException {
    if (subscribers.containsKey(name)) {
      throw new IllegalArgumentException("there is already a subscriber named '" + name + "'");
    }
    TrackedClient client = clients().connect("consumer-" + name, spec);
    RecordingSubscriber consumer =
        new RecordingSubscriber(name, client, List.of(subject), Optional.empty());
    consumer.startJetStream(options);
    subscribers.put(name, consumer);
    return consumer;
  }

  public RecordingSubscriber subscriber(String name) {
    RecordingSubscriber subscriber = subscribers.get(name);
    if (subscriber == null) {
      throw new IllegalArgumentException(
          "no subscriber named '" + name + "'; known: " + subscribers.keySet());
    }
    return subscriber;
  }

  public Collection<RecordingSubscriber> subscribers() {
    return List.copyOf(subscribers.values());
  }

  /** Sends {@code count} numbered messages from a new publisher and flushes them. */
  public void publish(ClientSpec spec, String subject, int count) {
    TrackedClient client = sharedClient(spec);
    String publisher = nextPublisherName();
    for (int seq = 1; seq <= count; seq++) {
      client.connection().publish(subject, Payloads.traffic(publisher, seq));
    }
    Flushing.flush(client, "publishing " + count + " messages to " + subject);
    publishedFrom.add(spec);
  }

  /** A publisher name not used before in this scenario: receivers track order per publisher. */
  public String nextPublisherName() {
    return "p" + (++publisherCount);
  }

  /**
   * Waits until everything published so far has reached {@code subscriber} or never will: a marker
   * from each node that published is delivered after that node's earlier messages.
   */
  public void settle(RecordingSubscriber subscriber) {
    if (subscriber.isJetStream()) {
      // Markers would be stored by the stream; the consumer's own state says when it is done.
      Waits.until(
          DELIVERY_DEADLINE,
          "consumer '" + subscriber.name() + "' has nothing pending",
          subscriber::isJetStreamDrained,
          subscriber::describe);
      return;
    }
    new Settler(this::markerClient, DELIVERY_DEADLINE)
        .settle(subscriber, publishedFrom, this::markerRefused);
  }

  /** The subscription itself or the marker's publish was refused: no marker can arrive. */
  private boolean markerRefused(RecordingSubscriber subscriber) {
    boolean subscriptionRefused =
        subscriber.client().errors().stream()
            .anyMatch(e -> e.contains("Permissions Violation for Subscription"));
    boolean markerRefused =
        allClients().stream()
            .filter(c -> c.spec().account().equals(subscriber.client().spec().account()))
            .flatMap(c -> c.errors().stream())
            .anyMatch(
                e ->
                    e.contains("Permissions Violation for Publish")
                        && e.contains("meshcheck-marker"));
    return subscriptionRefused || markerRefused;
  }

  private TrackedClient markerClient(ClientSpec publisherSpec, RecordingSubscriber subscriber) {
    ClientSpec spec =
        new ClientSpec(publisherSpec.nodeName(), subscriber.client().spec().account());
    return sharedClient(spec);
  }

  // ---- services and requests ----------------------------------------------------------------

  /** Starts one member per placement; returns once their interest has reached every node. */
  public ServiceGroup startService(
      String serviceName, String subject, String queueGroup, List<ClientSpec> placements) {
    ServiceGroup group =
        services.computeIfAbsent(serviceName, n -> new ServiceGroup(n, subject, queueGroup));
    for (ClientSpec placement : placements) {
      String memberId = serviceName + "#" + (group.members().size() + 1);
      TrackedClient client = clients().connect(memberId, placement);
      MeshNode node = node(placement.nodeName());
      ServiceMember member =
          new ServiceMember(memberId, client, String.valueOf(node.number()), node.clusterName());
      member.start(serviceName, subject, queueGroup);
      group.add(member);
      awaitInterest(client, "service member " + memberId + " on " + subject);
    }
    return group;
  }

  /** A service by its name or by its queue group's name. */
  public ServiceGroup service(String serviceOrQueueGroup) {
    ServiceGroup byName = services.get(serviceOrQueueGroup);
    if (byName != null) {
      return byName;
    }
    return services.values().stream()
        .filter(g -> g.queueGroup().equals(serviceOrQueueGroup))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no service or queue group named '"
                        + serviceOrQueueGroup
                        + "'; services: "
                        + services.keySet()));
  }

  /** Sends requests one by one from the shared client of {@code from}; records every outcome. */
  public RequestLog sendRequests(ClientSpec from, String subject, int count) {
    lastBatchStart = requests.size();
    requester.send(sharedClient(from), subject, count, requests);
    return lastRequests();
  }

  /**
   * Sends requests one by one from the shared client of {@code from} until {@code stop} turns true
   * or {@code maxCount} went out; records every outcome as one batch.
   */
  public RequestLog sendRequestsUntil(
      ClientSpec from, String subject, java.util.function.BooleanSupplier stop, int maxCount) {
    lastBatchStart = requests.size();
    requester.sendUntil(sharedClient(from), subject, stop, maxCount, requests);
    return lastRequests();
  }

  /** The outcomes of the last {@link #sendRequests} batch. */
  public RequestLog lastRequests() {
    return requests.since(lastBatchStart);
  }

  /** Every request outcome of the scenario. */
  public RequestLog requests() {
    return requests;
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

  /**
   * Stops members of a service (drained: requests already delivered are answered) and waits until
   * every running node has processed their departure, so the next request is not routed to a member
   * that is gone.
   */
  public void stopMembers(List<ServiceMember> leaving) {
    for (ServiceMember member : leaving) {
      member.stop(true);
      Flushing.flush(member.client(), "stopping " + member.memberId());
    }
    for (ServiceMember member : leaving) {
      List<String> missing =
          new InterestProbe(DELIVERY_DEADLINE)
              .awaitProcessed(
                  sharedClient(new ClientSpec(member.nodeName(), member.client().spec().account())),
                  runningNodeNames(),
                  node -> sharedClient(new ClientSpec(node, member.client().spec().account())));
      if (!missing.isEmpty()) {
        throw new AssertionError(
            "interest removal: departure of "
                + member.memberId()
                + " did not reach node(s) "
                + missing
                + " within "
                + DELIVERY_DEADLINE.toSeconds()
                + " s");
      }
    }
  }

  // ---- extension point ---------------------------------------------------------------------

  /**
   * Per-scenario state of a step area that the world does not model itself (JetStream streams, link
   * faults, ...): made on first use by {@code factory}, the same object for the rest of the
   * scenario, and closed first when the world closes if it is {@link AutoCloseable} (so it can
   * still use the mesh and clients).
   *
   * <pre>{@code
   * JetStreamState streams = world.extension(JetStreamState.class, () -> new JetStreamState(world));
   * }</pre>
   */
  public <T> T extension(Class<T> type, java.util.function.Supplier<T> factory) {
    return type.cast(extensions.computeIfAbsent(type, t -> factory.get()));
  }

  // ---- waiting ------------------------------------------------------------------------------

  /** Fails naming the nodes the interest of {@code client} has not reached. */
  void awaitInterest(TrackedClient client, String what) {
    List<String> missing =
        new InterestProbe(DELIVERY_DEADLINE)
            .await(
                client,
                runningNodeNames(),
                node -> sharedClient(new ClientSpec(node, client.spec().account())),
                () -> probeWasDenied(client));
    if (!missing.isEmpty() && probeWasDenied(client)) {
      scenario.log(
          "interest probe not permitted for " + client + "; interest propagation not awaited");
      return;
    }
    if (!missing.isEmpty()) {
      throw new AssertionError(
          "interest propagation: "
              + what
              + " (on "
              + client.spec().describe()
              + ") did not reach node(s) "
              + missing
              + " within "
              + DELIVERY_DEADLINE.toSeconds()
              + " s; are the nodes routed / gatewayed to each other? client errors: "
              + client.errors());
    }
  }

  /** A client whose permissions forbid the harness's probe subjects cannot be probed. */
  private boolean probeWasDenied(TrackedClient subscriber) {
    return allClients().stream()
        .filter(c -> c == subscriber || c.spec().account().equals(subscriber.spec().account()))
        .flatMap(c -> c.errors().stream())
        .anyMatch(e -> e.contains("Permissions Violation") && e.contains("_MESHCHECK"));
  }

  /** Closes every client, then returns the mesh to the pool (closed if a fault was injected). */
  @Override
  public void close() {
    List<Runnable> steps = new ArrayList<>();
    extensions.values().stream()
        .filter(AutoCloseable.class::isInstance)
        .map(AutoCloseable.class::cast)
        .forEach(e -> steps.add(() -> closeExtension(e)));
    services.values().forEach(g -> g.runningMembers().forEach(m -> steps.add(() -> m.stop(false))));
    subscribers.values().forEach(s -> steps.add(s::stop));
    steps.forEach(MeshWorld::quietly);
    if (clients != null) {
      clients.close();
    }
    if (lease != null) {
      MeshPool.shared().release(lease, !disturbedBy.isEmpty());
      lease = null;
    }
  }

  private static void closeExtension(AutoCloseable extension) {
    try {
      extension.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing " + extension + " failed", e);
    }
  }

  private static void quietly(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      // Closing the connection below removes whatever this left behind.
    }
  }

  /** For step classes that need the scenario's log (shown in the reports). */
  public Consumer<String> log() {
    return scenario::log;
  }
}
