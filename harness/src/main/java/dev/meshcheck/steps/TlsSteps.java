package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshcheck.topology.MeshNode;
import dev.meshcheck.topology.MonitorClient;
import dev.meshcheck.topology.tls.MeshCertificates;
import io.cucumber.java.en.Then;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

/**
 * TLS on a mesh whose topology has {@code tls: true}: the server refuses plaintext clients, routes
 * and gateways speak TLS only, and a client that does not trust the run's CA cannot connect (the
 * certificate is verified, not merely accepted). The probes speak to the ports below any client
 * library, so what they see is the server's doing.
 */
public final class TlsSteps {
  private static final MonitorClient MONITOR = new MonitorClient(Duration.ofSeconds(2));

  private final MeshLease mesh;
  private final TlsProbe probe;

  public TlsSteps(MeshLease mesh, RunSettings settings) {
    this.mesh = mesh;
    this.probe = new TlsProbe(settings.deliveryDeadline());
  }

  /**
   * Example: {@code Then node 1 refuses a plaintext client} (its INFO asks for TLS, and CONNECT and
   * PING sent in plaintext get no PONG: the server closes the connection).
   */
  @Example("Then node 1 refuses a plaintext client")
  @Then("node {node} refuses a plaintext client")
  public void refusesAPlaintextClient(String nodeName) throws IOException {
    URI client = URI.create(mesh.node(nodeName).clientUrl());
    TlsProbe.PlaintextOutcome outcome = probe.plaintextClient(client.getHost(), client.getPort());
    assertThat(outcome.answeredPong())
        .as("node %s answered a plaintext client: %s", nodeName, outcome.describe())
        .isFalse();
    assertThat(outcome.firstLine())
        .as("node %s asks clients for TLS in its INFO: %s", nodeName, outcome.describe())
        .contains("\"tls_required\":true");
    assertThat(outcome.closed())
        .as("node %s closed the plaintext connection: %s", nodeName, outcome.describe())
        .isTrue();
  }

  /**
   * Example: {@code Then the route and gateway ports of node 1 speak TLS only} (a handshake as a
   * peer with the run's certificate succeeds, and plaintext gets the connection closed).
   */
  @Example("Then the route and gateway ports of node 1 speak TLS only")
  @Then("the route and gateway ports of node {node} speak TLS only")
  public void routeAndGatewayPortsSpeakTlsOnly(String nodeName)
      throws IOException, NoSuchAlgorithmException {
    MeshNode node = mesh.node(nodeName);
    String host = URI.create(node.clientUrl()).getHost();
    Map<String, Integer> ports = peerPorts(node);
    assertThat(ports).as("node %s listens for routes or gateways", nodeName).isNotEmpty();
    // Without the run's certificates the JVM's own context still shows whether a port speaks TLS.
    SSLContext peer = certificates().map(MeshCertificates::peerContext).orElse(jvmDefaultTrust());
    for (Map.Entry<String, Integer> port : ports.entrySet()) {
      String what = port.getKey() + " port " + port.getValue() + " of node " + nodeName;
      try {
        probe.handshake(host, port.getValue(), peer);
      } catch (IOException e) {
        fail("the %s completes a TLS handshake with the run's certificate: %s", what, e);
      }
      TlsProbe.PlaintextOutcome plaintext = probe.plaintextClient(host, port.getValue());
      assertThat(!plaintext.answeredPong() && plaintext.closed())
          .as("the %s closes a plaintext connection: %s", what, plaintext.describe())
          .isTrue();
    }
  }

  /**
   * Example: {@code Then a client that does not trust the mesh's CA cannot connect to node 1} (the
   * handshake fails on the certificate: the server's certificate chains to this run's CA alone).
   */
  @Example("Then a client that does not trust the mesh's CA cannot connect to node 1")
  @Then("a client that does not trust the mesh's CA cannot connect to node {node}")
  public void untrustingClientCannotConnect(String nodeName) throws Exception {
    String url = mesh.node(nodeName).clientUrl();
    List<Exception> failures = new CopyOnWriteArrayList<>();
    Options options =
        Options.builder()
            .server(url)
            .sslContext(jvmDefaultTrust())
            .maxReconnects(0)
            .connectionTimeout(Clients.CONNECT_TIMEOUT)
            .ignoreDiscoveredServers()
            // jnats reports the handshake's failure here and throws a generic one.
            .errorListener(
                new ErrorListener() {
                  @Override
                  public void exceptionOccurred(Connection connection, Exception failure) {
                    failures.add(failure);
                  }
                })
            .build();
    try (Connection connection = Nats.connect(options)) {
      fail(
          "a client that trusts only the JVM's CAs connected to %s (%s): the certificate is not"
              + " verified, or the node does not use TLS",
          url, connection.getServerInfo().getServerName());
    } catch (IOException e) {
      failures.add(e);
      assertThat(failures.stream().anyMatch(TlsSteps::isCertificateFailure))
          .as(
              "a client that does not trust the mesh's CA is refused on the certificate at %s, but"
                  + " it failed with: %s",
              url, failures)
          .isTrue();
    }
  }

  private static SSLContext jvmDefaultTrust() throws NoSuchAlgorithmException {
    return SSLContext.getDefault();
  }

  private static boolean isCertificateFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SSLHandshakeException || t instanceof CertificateException) {
        return true;
      }
    }
    return false;
  }

  private Optional<MeshCertificates> certificates() {
    return mesh.mesh().certificates();
  }

  /** The route and gateway listeners, from {@code /varz}. */
  private static Map<String, Integer> peerPorts(MeshNode node) throws IOException {
    JsonNode varz = MONITOR.json(node.monitorUrl(), "/varz");
    Map<String, Integer> ports = new LinkedHashMap<>();
    int route = varz.path("cluster").path("cluster_port").asInt(0);
    if (route > 0) {
      ports.put("route", route);
    }
    int gateway = varz.path("gateway").path("port").asInt(0);
    if (gateway > 0) {
      ports.put("gateway", gateway);
    }
    return ports;
  }
}
