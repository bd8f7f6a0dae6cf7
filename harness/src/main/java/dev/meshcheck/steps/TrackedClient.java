package dev.meshcheck.steps;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * One client connection of a scenario with what the client library reported about it: async errors
 * (permission violations arrive this way), slow-consumer events, outages and reconnects, and
 * lame-duck notices. Thread-safe: the listeners run on the client's threads, the steps read from
 * the test thread.
 */
public final class TrackedClient implements ErrorListener, ConnectionListener {
  private final String name;
  private final ClientSpec spec;
  private final List<String> errors = new ArrayList<>();
  private final AtomicInteger reconnects = new AtomicInteger();
  private final AtomicInteger lameDuckNotices = new AtomicInteger();
  private final AtomicInteger slowConsumerEvents = new AtomicInteger();
  private final Outages outages;
  private volatile Connection connection;

  TrackedClient(String name, ClientSpec spec, LongSupplier nanoClock) {
    this.name = name;
    this.spec = spec;
    this.outages = new Outages(nanoClock);
  }

  void attach(Connection connected) {
    this.connection = connected;
  }

  public String name() {
    return name;
  }

  public ClientSpec spec() {
    return spec;
  }

  /** The connection; never null once the world has returned this client. */
  public Connection connection() {
    return connection;
  }

  public boolean isConnected() {
    return connection != null && connection.getStatus() == Connection.Status.CONNECTED;
  }

  /** The URL of the server the client is on now, or empty while it is not connected. */
  public String connectedUrl() {
    String url = connection == null ? null : connection.getConnectedUrl();
    return url == null ? "" : url;
  }

  public synchronized List<String> errors() {
    return List.copyOf(errors);
  }

  public int reconnects() {
    return reconnects.get();
  }

  public int lameDuckNotices() {
    return lameDuckNotices.get();
  }

  /** When the client was without its connection, as the client library reported it. */
  Outages outages() {
    return outages;
  }

  public int slowConsumerEvents() {
    return slowConsumerEvents.get();
  }

  @Override
  public synchronized void errorOccurred(Connection conn, String error) {
    errors.add(error);
  }

  @Override
  public synchronized void exceptionOccurred(Connection conn, Exception exp) {
    errors.add(exp.toString());
  }

  @Override
  public void slowConsumerDetected(Connection conn, Consumer consumer) {
    slowConsumerEvents.incrementAndGet();
  }

  @Override
  public void connectionEvent(Connection conn, Events type) {
    if (type == Events.DISCONNECTED) {
      outages.disconnected();
    } else if (type == Events.RECONNECTED) {
      outages.reconnected();
      reconnects.incrementAndGet();
    } else if (type == Events.LAME_DUCK) {
      lameDuckNotices.incrementAndGet();
    }
  }

  @Override
  public String toString() {
    return name
        + " ("
        + spec.describe()
        + ", "
        + (isConnected() ? "connected" : "disconnected")
        + ")";
  }
}
