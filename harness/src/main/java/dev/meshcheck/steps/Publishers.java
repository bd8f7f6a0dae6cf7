package dev.meshcheck.steps;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The scenario's publishers: each batch of messages gets a publisher name of its own (receivers
 * check order per publisher), and the nodes that published are remembered, because {@link
 * InterestWaits#settle} sends its markers from them. Not thread-safe: steps run on one thread.
 */
public final class Publishers {
  private final Clients clients;
  private final Set<ClientSpec> publishedFrom = new LinkedHashSet<>();
  private int publisherCount;

  public Publishers(Clients clients) {
    this.clients = clients;
  }

  /** Sends {@code count} numbered messages from a new publisher and flushes them. */
  public void publish(ClientSpec spec, String subject, int count) {
    TrackedClient client = clients.shared(spec);
    String publisher = nextName();
    for (int seq = 1; seq <= count; seq++) {
      client.connection().publish(subject, Payloads.traffic(publisher, seq));
    }
    Flushing.flush(client, "publishing " + count + " messages to " + subject);
    publishedFrom.add(spec);
  }

  /** A publisher name not used before in this scenario. */
  public String nextName() {
    return "p" + (++publisherCount);
  }

  /** Where core NATS messages were published from, in order of first use. */
  List<ClientSpec> publishedFrom() {
    return List.copyOf(publishedFrom);
  }
}
