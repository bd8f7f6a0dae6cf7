package dev.meshcheck.steps;

import dev.meshcheck.steps.RequestOutcome.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The outcomes of the requests a scenario sent, in sending order. Thread-safe: a background
 * requester may add while a step reads.
 */
public final class RequestLog {
  private final List<RequestOutcome> outcomes = new ArrayList<>();

  synchronized void add(RequestOutcome outcome) {
    outcomes.add(outcome);
  }

  synchronized void clear() {
    outcomes.clear();
  }

  public synchronized List<RequestOutcome> outcomes() {
    return List.copyOf(outcomes);
  }

  public synchronized int size() {
    return outcomes.size();
  }

  public synchronized long count(Kind kind) {
    return outcomes.stream().filter(o -> o.kind() == kind).count();
  }

  public synchronized long failed() {
    return outcomes.size() - count(Kind.ANSWERED);
  }

  /** Answered requests per member id. */
  public Map<String, Long> answeredByMember() {
    return answeredBy(ServiceReply::memberId);
  }

  /** Answered requests per cluster of the member that answered. */
  public Map<String, Long> answeredByCluster() {
    return answeredBy(ServiceReply::clusterName);
  }

  private synchronized Map<String, Long> answeredBy(Function<ServiceReply, String> key) {
    Map<String, Long> counts = new TreeMap<>();
    for (RequestOutcome outcome : outcomes) {
      outcome.reply().ifPresent(r -> counts.merge(key.apply(r), 1L, Long::sum));
    }
    return counts;
  }

  /** The slowest outcome of a kind, in nanoseconds, or empty when there is none. */
  public synchronized Optional<Long> maxLatencyNanos(Kind kind) {
    return outcomes.stream()
        .filter(o -> o.kind() == kind)
        .map(RequestOutcome::latencyNanos)
        .max(Long::compare);
  }

  /** Counts per kind, per cluster and member, and the last error: what a failure message shows. */
  public synchronized String describe() {
    Map<Kind, Long> byKind = new EnumMap<>(Kind.class);
    String lastError = "";
    for (RequestOutcome outcome : outcomes) {
      byKind.merge(outcome.kind(), 1L, Long::sum);
      if (!outcome.answered()) {
        lastError = outcome.error();
      }
    }
    return outcomes.size()
        + " requests: "
        + byKind
        + ", answered by cluster "
        + answeredByCluster()
        + ", by member "
        + answeredByMember()
        + (lastError.isEmpty() ? "" : ", last error: " + lastError);
  }

  /** Outcomes from index {@code from} on, as a new log (for "the last batch"). */
  synchronized RequestLog since(int from) {
    RequestLog tail = new RequestLog();
    new ArrayList<>(outcomes.subList(Math.min(from, outcomes.size()), outcomes.size()))
        .forEach(tail::add);
    return tail;
  }
}
