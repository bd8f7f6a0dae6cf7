package dev.meshcheck.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Asks every instance of a NATS micro service at once ({@code $SRV.PING|INFO|STATS.<name>}, the
 * micro-service protocol) and collects the answers by instance id until the caller has what it
 * expects, or the deadline passes: no fixed collection window. Stateless between calls.
 *
 * <pre>{@code
 * Map<String, JsonNode> pings = new ServiceDiscovery(client, Duration.ofSeconds(10))
 *     .ask("PING", "orders", answers -> answers.keySet().containsAll(runningIds));
 * }</pre>
 */
final class ServiceDiscovery {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TrackedClient client;
  private final Duration deadline;

  ServiceDiscovery(TrackedClient client, Duration deadline) {
    this.client = client;
    this.deadline = deadline;
  }

  /**
   * @param verb {@code PING}, {@code INFO} or {@code STATS}
   * @param enough true once the answers so far are what the caller waits for
   * @return every answer that came before {@code enough} held or the deadline passed, by instance
   *     id
   */
  Map<String, JsonNode> ask(String verb, String service, Predicate<Map<String, JsonNode>> enough) {
    Connection connection = client.connection();
    Map<String, JsonNode> answers = new ConcurrentHashMap<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    Dispatcher dispatcher =
        connection.createDispatcher(
            message -> {
              try {
                JsonNode answer = JSON.readTree(message.getData());
                answers.put(answer.path("id").asText(), answer);
                if (enough.test(Map.copyOf(answers))) {
                  done.complete(null);
                }
              } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
              }
            });
    try {
      String inbox = connection.createInbox();
      dispatcher.subscribe(inbox);
      Flushing.flush(client, "subscribing to the answers of $SRV." + verb);
      connection.publish("$SRV." + verb + "." + service, inbox, new byte[0]);
      if (!enough.test(Map.of())) {
        done.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (TimeoutException e) {
      // What arrived is returned; the step says what was missing.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking $SRV." + verb, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "an answer to $SRV." + verb + " could not be read: " + e.getCause(), e.getCause());
    } finally {
      connection.closeDispatcher(dispatcher);
    }
    return Map.copyOf(answers);
  }
}
