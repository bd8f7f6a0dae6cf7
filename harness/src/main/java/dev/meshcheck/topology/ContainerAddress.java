package dev.meshcheck.topology;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the host finds one running container: its address on the mesh's network and the host ports
 * Docker published for its client and monitoring ports. Taken from {@code docker inspect} after
 * every start, because a restarted container may get another address and other host ports.
 *
 * @param containerIp the container's address on the mesh network
 * @param mappedHost the host that publishes the mapped ports (Testcontainers' {@code getHost()})
 */
record ContainerAddress(
    String containerIp, String mappedHost, int mappedClientPort, int mappedMonitorPort) {
  static final int CLIENT_PORT = 4222;
  static final int MONITOR_PORT = 8222;

  ContainerAddress {
    if (containerIp == null || containerIp.isBlank()) {
      throw new IllegalArgumentException("containerIp must be an address, was blank");
    }
  }

  static ContainerAddress of(InspectContainerResponse inspect, String networkId, String host) {
    var settings = inspect.getNetworkSettings();
    String ip =
        settings.getNetworks().values().stream()
            .filter(n -> networkId.equals(n.getNetworkID()))
            .map(ContainerNetwork::getIpAddress)
            .findFirst()
            .orElseThrow(
                () ->
                    new MeshStartException(
                        "container " + inspect.getName() + " has no address on the mesh network"));
    Map<ExposedPort, Ports.Binding[]> bindings = settings.getPorts().getBindings();
    return new ContainerAddress(
        ip, host, hostPort(bindings, CLIENT_PORT), hostPort(bindings, MONITOR_PORT));
  }

  String clientUrl(ClientAccess access) {
    InetSocketAddress client = clientSocketAddress(access);
    return "nats://" + client.getHostString() + ":" + client.getPort();
  }

  InetSocketAddress clientSocketAddress(ClientAccess access) {
    return access == ClientAccess.MAPPED_PORT
        ? new InetSocketAddress(mappedHost, mappedClientPort)
        : new InetSocketAddress(containerIp, CLIENT_PORT);
  }

  URI monitorUrl(ClientAccess access) {
    return URI.create(
        access == ClientAccess.MAPPED_PORT
            ? "http://" + mappedHost + ":" + mappedMonitorPort
            : "http://" + containerIp + ":" + MONITOR_PORT);
  }

  /**
   * {@link ClientAccess#CONTAINER_ADDRESS} when this host routes to the container's address (Linux
   * with a local daemon), else {@link ClientAccess#MAPPED_PORT}: Docker's published ports go
   * through docker-proxy, which adds latency to every message.
   *
   * @param localDaemon whether the Docker daemon runs on this host (a unix socket)
   */
  ClientAccess bestAccess(boolean localDaemon, Duration connectTimeout) {
    boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    if (!linux || !localDaemon) {
      return ClientAccess.MAPPED_PORT;
    }
    return reaches(containerIp, CLIENT_PORT, connectTimeout)
        ? ClientAccess.CONTAINER_ADDRESS
        : ClientAccess.MAPPED_PORT;
  }

  private static boolean reaches(String ip, int port, Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(ip, port), (int) timeout.toMillis());
      return true;
    } catch (ConnectException refused) {
      // A refusal comes from the container's own kernel (the server is not listening yet): the
      // address is routable. No route or a timeout means it is not.
      return refused.getMessage() != null && refused.getMessage().contains("refused");
    } catch (IOException e) {
      return false;
    }
  }

  private static int hostPort(Map<ExposedPort, Ports.Binding[]> bindings, int containerPort) {
    return Optional.ofNullable(bindings.get(ExposedPort.tcp(containerPort)))
        .filter(b -> b.length > 0)
        .map(b -> Integer.parseInt(b[0].getHostPortSpec()))
        .orElse(-1);
  }
}
