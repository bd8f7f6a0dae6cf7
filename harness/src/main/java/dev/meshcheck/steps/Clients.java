package dev.meshcheck.steps;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The client connections of one scenario: one shared client per node and account ("a client on node
 * 3"), and the ones subscribers and services use; all closed when the scenario ends. Every client
 * seeds its server list with its own node only, so failing over to another node proves that it
 * learnt the cluster's servers from the server (INFO {@code connect_urls}). Reconnects forever,
 * every 100 ms, so a Then step decides how long is too long. Not thread-safe: one per scenario,
 * used by its steps.
 */
public final class Clients implements AutoCloseable {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /** Every client names itself this plus its name, as the server's advisories and monitors show. */
  static final String CONNECTION_NAME_PREFIX = "meshcheck-";

  private final MeshLease mesh;
  private final Logins logins = new Logins();
  private final List<TrackedClient> opened = new ArrayList<>();
  private final Map<ClientSpec, TrackedClient> shared = new HashMap<>();

  public Clients(MeshLease mesh) {
    this.mesh = mesh;
  }

  /** Clients of {@code account} sign in as {@code user}/{@code password} from now on. */
  public void defineLogin(String account, String user, String password) {
    logins.define(account, user, password);
  }

  /**
   * The scenario's one unnamed client for {@code spec}, made on first use, and made again when a
   * fault has moved the earlier one to another node: a step that names node 2 acts from node 2.
   */
  public TrackedClient shared(ClientSpec spec) {
    TrackedClient client = shared.get(spec);
    if (client == null || movedAway(client, spec)) {
      client = connect("client-" + spec.describe().replace(' ', '-'), spec);
      shared.put(spec, client);
    }
    return client;
  }

  // A client that is reconnecting keeps its place: it will be back and its publishes are buffered.
  private boolean movedAway(TrackedClient client, ClientSpec spec) {
    String url = client.connectedUrl();
    return !url.isEmpty() && !sameServer(url, mesh.node(spec.nodeName()).clientUrl());
  }

  static boolean sameServer(String connectedUrl, String nodeUrl) {
    return hostAndPort(connectedUrl).equals(hostAndPort(nodeUrl));
  }

  private static String hostAndPort(String url) {
    int schemeEnd = url.indexOf("://");
    return schemeEnd < 0 ? url : url.substring(schemeEnd + 3);
  }

  /** Every client of the scenario, including the ones subscribers and services use. */
  public List<TrackedClient> all() {
    return List.copyOf(opened);
  }

  /** A new connected client; fails with the server's words when it cannot connect. */
  TrackedClient connect(String name, ClientSpec spec) {
    TrackedClient client = new TrackedClient(name, spec, System::nanoTime);
    Options.Builder options =
        Options.builder()
            .server(mesh.node(spec.nodeName()).clientUrl())
            .connectionName(CONNECTION_NAME_PREFIX + name)
            .reportNoResponders()
            .maxReconnects(-1)
            .reconnectWait(Duration.ofMillis(100))
            .connectionTimeout(CONNECT_TIMEOUT)
            // A paused server keeps its sockets open: pings are how a client notices.
            .pingInterval(Duration.ofSeconds(1))
            .maxPingsOut(2)
            .errorListener(client)
            .connectionListener(client);
    // A TLS mesh is verified against its own CA only: a certificate from anywhere else fails.
    mesh.mesh().certificates().ifPresent(tls -> options.sslContext(tls.clientContext()));
    spec.account()
        .map(logins::forAccount)
        .ifPresent(l -> options.userInfo(l.user().toCharArray(), l.password().toCharArray()));
    try {
      client.attach(Nats.connect(options.build()));
    } catch (IOException e) {
      throw new IllegalStateException(
          "client '" + name + "' cannot connect to " + spec.describe() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while connecting " + name, e);
    }
    opened.add(client);
    return client;
  }

  @Override
  public void close() {
    for (TrackedClient client : opened) {
      Connection connection = client.connection();
      if (connection == null) {
        continue;
      }
      try {
        connection.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    opened.clear();
    shared.clear();
  }
}
