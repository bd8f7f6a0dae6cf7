package dev.meshcheck.topology;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import dev.meshcheck.scenario.NodeSpec;
import dev.meshcheck.scenario.Owner;
import dev.meshcheck.scenario.Topology;
import dev.meshcheck.topology.faults.FaultSupport;
import dev.meshcheck.topology.faults.LinkKind;
import dev.meshcheck.topology.tls.MeshCertificates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * Launches each node as a Testcontainers {@link GenericContainer} on a private network, reached by
 * its peers under the alias {@code n<number>} on the standard ports; the node's config is rendered
 * by {@link ServerConfigWriter} and copied into the container. Images are never pulled (see {@link
 * #probe}). Containers and networks left by a JVM that died are removed when a launcher is made
 * ({@link Leftovers}), not in each launch.
 */
final class ContainerMeshLauncher implements MeshLauncher {
  static final String CONFIG_PATH = "/etc/nats/nats.conf";
  static final String TLS_DIR = "/etc/nats/tls";
  static final String STORE_DIR = "/data/jetstream";

  private final String image;
  private final Duration readyTimeout;

  ContainerMeshLauncher(String image, Duration readyTimeout) {
    this.image = image;
    this.readyTimeout = readyTimeout;
  }

  /**
   * Empty when Docker answers and the image is present locally (nothing is pulled); otherwise a
   * sentence saying how to fix it. Returns within {@link DockerAvailability#PROBE_TIMEOUT}.
   */
  static DockerAvailability.Probe probe(Optional<String> namedImage) {
    return DockerAvailability.probe(namedImage);
  }

  @Override
  public Backend backend() {
    return Backend.CONTAINERS;
  }

  @Override
  public FaultSupport linkFaultSupport() {
    return ContainerLinks.support(isLocalDaemon());
  }

  @Override
  public RunningMesh launch(Topology topology, Set<LinkKind> faultableLinks) {
    DockerClient docker = DockerClientFactory.instance().client();
    ContainerReaper reaper = new ContainerReaper(docker);
    String runId = topology.name() + "-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> labels = ContainerReaper.labels(Owner.currentJvm(), runId);
    Network network =
        Network.builder()
            .createNetworkCmdModifier(cmd -> cmd.withName("meshcheck-" + runId).withLabels(labels))
            .build();
    ServerConfigWriter writer;
    ContainerMesh mesh;
    ContainerLinks links = null;
    try {
      String networkId = network.getId(); // creates it
      Function<NodeSpec, NodeEndpoints> endpoints =
          spec -> NodeEndpoints.standardPorts(alias(spec));
      links = new ContainerLinks(topology, faultableLinks, endpoints, isLocalDaemon());
      Optional<MeshCertificates> certificates = certificatesFor(topology);
      writer =
          new ServerConfigWriter(
              topology, endpoints, links, certificates.map(c -> TlsFiles.in(TLS_DIR)));
      List<ContainerNode> nodes = new ArrayList<>();
      for (NodeSpec spec : topology.nodes()) {
        GenericContainer<?> container =
            container(spec, network, labels, runId, writer.render(spec, STORE_DIR));
        certificates.ifPresent(c -> copyCertificates(container, c));
        nodes.add(new ContainerNode(spec, container, docker, networkId, topology.tls()));
      }
      links.attach(nodes);
      mesh = new ContainerMesh(topology, image, runId, network, nodes, reaper, links, certificates);
    } catch (RuntimeException e) {
      if (links != null) {
        links.close();
      }
      reaper.removeNetworksOf(runId);
      throw e;
    }
    try {
      mesh.start(readyTimeout, isLocalDaemon());
      return mesh;
    } catch (MeshStartException e) {
      mesh.close();
      throw writer.explain(e);
    } catch (RuntimeException e) {
      mesh.close();
      throw e;
    }
  }

  /**
   * Peers dial each other by alias ({@code n1}), and the host dials container addresses, which are
   * known only once the containers run; jnats checks the chain, not the host name, so the aliases
   * and loopback (mapped ports) are what the certificate names.
   */
  private static Optional<MeshCertificates> certificatesFor(Topology topology) {
    if (!topology.tls()) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>(List.of("127.0.0.1", "localhost"));
    topology.nodes().forEach(spec -> names.add(alias(spec)));
    return Optional.of(MeshCertificates.create(names));
  }

  /** The key never touches the host's disk: it is copied from memory into the container. */
  private static void copyCertificates(GenericContainer<?> container, MeshCertificates tls) {
    container
        .withCopyToContainer(Transferable.of(tls.caPem()), TLS_DIR + "/" + TlsFiles.CA)
        .withCopyToContainer(
            Transferable.of(tls.certificatePem()), TLS_DIR + "/" + TlsFiles.CERTIFICATE)
        .withCopyToContainer(
            Transferable.of(tls.keyPem().getBytes(StandardCharsets.US_ASCII), 0100600),
            TLS_DIR + "/" + TlsFiles.KEY);
  }

  /** Peers dial each other by this alias on the mesh network. */
  private static Map<String, String> withoutTestcontainersSession(Map<String, String> labels) {
    Map<String, String> kept = new HashMap<>(labels == null ? Map.of() : labels);
    kept.keySet().removeIf(key -> key.startsWith("org.testcontainers.session"));
    return kept;
  }

  static String alias(NodeSpec spec) {
    return "n" + spec.number();
  }

  private GenericContainer<?> container(
      NodeSpec spec, Network network, Map<String, String> labels, String runId, String config) {
    Map<String, String> nodeLabels = new HashMap<>(labels);
    nodeLabels.put(ContainerReaper.LABEL_NODE, spec.name());
    return new GenericContainer<>(DockerImageName.parse(image))
        .withNetwork(network)
        .withNetworkAliases(alias(spec))
        .withLabels(nodeLabels)
        .withExposedPorts(ContainerAddress.CLIENT_PORT, ContainerAddress.MONITOR_PORT)
        .withCopyToContainer(Transferable.of(config), CONFIG_PATH)
        .withCommand("-c", CONFIG_PATH)
        .withImagePullPolicy(name -> false)
        .waitingFor(new MeshDecidesReadiness())
        .withCreateContainerCmdModifier(
            cmd -> {
              cmd.withName("meshcheck-" + runId + "-" + spec.name());
              // Without Ryuk, Testcontainers removes its session's containers in a JVM hook of
              // its own, racing ours on Ctrl-C; ours are found by the meshcheck labels instead.
              cmd.withLabels(withoutTestcontainersSession(cmd.getLabels()));
              // Publish on loopback only: the mapped ports are a fallback for hosts that cannot
              // reach container addresses, not an invitation to the network.
              cmd.getHostConfig()
                  .withPortBindings(
                      loopbackBinding(ContainerAddress.CLIENT_PORT),
                      loopbackBinding(ContainerAddress.MONITOR_PORT));
            });
  }

  private static PortBinding loopbackBinding(int containerPort) {
    return new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(containerPort));
  }

  private static boolean isLocalDaemon() {
    return "unix"
        .equals(DockerClientFactory.instance().getTransportConfig().getDockerHost().getScheme());
  }

  /**
   * Testcontainers' default wait probes ports with a shell inside the container, which a FROM
   * scratch image lacks; readiness is the mesh's own ({@code /healthz} and every link), awaited
   * once all containers run.
   */
  private static final class MeshDecidesReadiness extends AbstractWaitStrategy {
    @Override
    protected void waitUntilReady() {
      // Deliberately nothing: see the class comment.
    }
  }
}
