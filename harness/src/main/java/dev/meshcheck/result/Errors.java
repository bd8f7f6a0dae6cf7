package dev.meshcheck.result;

import dev.meshcheck.measure.ErrorKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What failed during a workload.
 *
 * @param byKind failed requests or publishes of the measured phase, by kind
 * @param connectionErrors errors the connections reported over the whole run (server {@code -ERR}s,
 *     jnats's asynchronous exceptions)
 * @param lastConnectionError the latest of those, with the connection's name
 * @param clientSlowConsumerEvents times jnats dropped messages because a subscription fell behind
 * @param reconnections every time a connection lost its server and connected again, over the whole
 *     run, with how long it took
 */
public record Errors(
    Map<ErrorKind, Long> byKind,
    long connectionErrors,
    Optional<String> lastConnectionError,
    long clientSlowConsumerEvents,
    List<Reconnection> reconnections) {

  public Errors {
    Map<ErrorKind, Long> complete = new EnumMap<>(ErrorKind.class);
    for (ErrorKind kind : ErrorKind.values()) {
      complete.put(kind, byKind.getOrDefault(kind, 0L));
    }
    byKind = Map.copyOf(complete);
    reconnections = List.copyOf(reconnections);
  }

  public long count(ErrorKind kind) {
    return byKind.get(kind);
  }

  public long total() {
    return byKind.values().stream().mapToLong(Long::longValue).sum();
  }
}
