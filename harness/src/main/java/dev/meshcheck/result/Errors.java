package dev.meshcheck.result;

import dev.meshcheck.measure.ErrorKind;
import java.util.EnumMap;
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
 */
public record Errors(
    Map<ErrorKind, Long> byKind,
    long connectionErrors,
    Optional<String> lastConnectionError,
    long clientSlowConsumerEvents) {

  public Errors {
    Map<ErrorKind, Long> complete = new EnumMap<>(ErrorKind.class);
    for (ErrorKind kind : ErrorKind.values()) {
      complete.put(kind, byKind.getOrDefault(kind, 0L));
    }
    byKind = Map.copyOf(complete);
  }

  public long count(ErrorKind kind) {
    return byKind.get(kind);
  }

  public long total() {
    return byKind.values().stream().mapToLong(Long::longValue).sum();
  }
}
