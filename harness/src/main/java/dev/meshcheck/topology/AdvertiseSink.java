package dev.meshcheck.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A port on 127.0.0.1 that is held (bound) but never listened on, so that every connection to it is
 * refused at once. Proxied nodes advertise it as their route and gateway address: servers gossip
 * advertised addresses and dial them once for routes and gateways they were not told about (the
 * explicit ones go through proxies), and a refused dial is given up without a retry, where a direct
 * address would open a connection that no proxy sees.
 */
final class AdvertiseSink implements AutoCloseable {
  private final Socket held;

  private AdvertiseSink(Socket held) {
    this.held = held;
  }

  static AdvertiseSink open() {
    Socket socket = new Socket();
    try {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return new AdvertiseSink(socket);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hold a port on 127.0.0.1", e);
    }
  }

  String hostPort() {
    return InetAddress.getLoopbackAddress().getHostAddress() + ":" + held.getLocalPort();
  }

  @Override
  public void close() {
    try {
      held.close();
    } catch (IOException e) {
      // Nothing was listening: nothing to lose.
    }
  }
}
