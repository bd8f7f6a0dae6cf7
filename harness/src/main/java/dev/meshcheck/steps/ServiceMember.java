package dev.meshcheck.steps;

import io.nats.service.Endpoint;
import io.nats.service.Service;
import io.nats.service.ServiceEndpoint;
import io.nats.service.ServiceMessage;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One instance of a service: a NATS micro service (so {@code $SRV.PING|INFO|STATS} discovery finds
 * it) with one endpoint on the service's subject and queue group. It answers every request with
 * {@link Payloads#reply} naming itself, its node and its cluster, and counts what it handled.
 * Thread-safe.
 */
public final class ServiceMember {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(5);

  private final String memberId;
  private final TrackedClient client;
  private final String nodeName;
  private final String clusterName;
  private final AtomicLong handled = new AtomicLong();
  private Service service;

  ServiceMember(String memberId, TrackedClient client, String nodeName, String clusterName) {
    this.memberId = memberId;
    this.client = client;
    this.nodeName = nodeName;
    this.clusterName = clusterName;
  }

  void start(String serviceName, String subject, String queueGroup) {
    Endpoint endpoint =
        Endpoint.builder().name(serviceName).subject(subject).queueGroup(queueGroup).build();
    ServiceEndpoint serviceEndpoint =
        ServiceEndpoint.builder().endpoint(endpoint).handler(this::answer).build();
    service =
        Service.builder()
            .connection(client.connection())
            .name(serviceName)
            .version("1.0.0")
            .addServiceEndpoint(serviceEndpoint)
            .build();
    service.startService();
    if (!service.isStarted(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("service member " + memberId + " did not start");
    }
    Flushing.flush(client, "starting service member " + memberId);
  }

  private void answer(ServiceMessage request) {
    handled.incrementAndGet();
    request.respond(client.connection(), Payloads.reply(memberId, nodeName, clusterName));
  }

  /**
   * Leaves the queue group. With {@code drain}, requests already delivered to it are answered
   * first, which is how a member leaves without losing any.
   */
  void stop(boolean drain) {
    if (service != null) {
      service.stop(drain);
      service = null;
    }
  }

  public String memberId() {
    return memberId;
  }

  public String nodeName() {
    return nodeName;
  }

  public String clusterName() {
    return clusterName;
  }

  public TrackedClient client() {
    return client;
  }

  public long handled() {
    return handled.get();
  }

  public boolean isRunning() {
    return service != null;
  }

  /** The micro-service instance id that {@code $SRV} discovery reports for this member. */
  public String instanceId() {
    return service == null ? "" : service.getId();
  }
}
