package dev.meshcheck.load.wire;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The servers one wire connection may reconnect to: the URL it was given and the client URLs its
 * servers advertised ({@code connect_urls} in {@code INFO}: the other nodes of the cluster), with
 * the given URL's credentials. Never forgets a server: a killed node may come back. Thread-safe.
 */
final class ServerList {
  private final String userInfo;
  // host:port, in the order they were learnt; the given URL first.
  private final Set<String> hostPorts = new LinkedHashSet<>();

  ServerList(String url) {
    URI uri = URI.create(url);
    this.userInfo = uri.getRawUserInfo();
    hostPorts.add(hostPort(uri));
  }

  /** Adds servers an {@code INFO} advertised, as {@code host:port}. */
  synchronized void learn(List<String> advertised) {
    hostPorts.addAll(advertised);
  }

  /**
   * Where to try after losing {@code lostUrl}: every other known server, starting with the one
   * after it (so that the connections of a lost node spread over the others), the lost one last.
   */
  synchronized List<String> candidatesAfter(String lostUrl) {
    List<String> known = new ArrayList<>(hostPorts);
    int lost = known.indexOf(hostPort(URI.create(lostUrl)));
    List<String> order = new ArrayList<>();
    for (int i = 1; i <= known.size(); i++) {
      order.add(url(known.get(Math.floorMod(lost + i, known.size()))));
    }
    return order;
  }

  private String url(String hostPort) {
    return "nats://" + (userInfo == null ? "" : userInfo + "@") + hostPort;
  }

  private static String hostPort(URI uri) {
    return uri.getHost() + ":" + (uri.getPort() < 0 ? 4222 : uri.getPort());
  }
}
