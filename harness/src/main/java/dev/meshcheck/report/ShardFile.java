package dev.meshcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshcheck.result.ShardRecord;
import dev.meshcheck.result.WorkloadLedger;
import dev.meshcheck.result.WorkloadLedger.ReceiverTally;
import dev.meshcheck.result.WorkloadLedger.SenderTally;
import dev.meshcheck.scenario.BadInputException;
import dev.meshcheck.scenario.Shard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code shard.json} in a shard's run folder: which shard of which scenario it is, whether it
 * finished, and its {@link WorkloadLedger}. Written atomically (a reader never sees half a file).
 *
 * <pre>{@code
 * ShardFile.write(dir, ShardRecord.started(shard, "fanout", "cluster-3", startAt));
 * Optional<ShardRecord> back = ShardFile.read(dir);
 * }</pre>
 */
public final class ShardFile {
  public static final String NAME = "shard.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ShardFile() {}

  public static void write(Path dir, ShardRecord record) throws IOException {
    Files.createDirectories(dir);
    Path temp = dir.resolve(NAME + ".tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), toJson(record));
    Files.move(temp, dir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * @return empty when {@code dir} has no {@code shard.json} (a folder of a run that was no shard)
   * @throws BadInputException when the file is there but cannot be read
   */
  public static Optional<ShardRecord> read(Path dir) {
    Path file = dir.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(fromJson(JSON.readTree(file.toFile())));
    } catch (IOException | IllegalArgumentException | DateTimeException e) {
      // Malformed JSON or a value that does not parse; anything else is a bug and keeps its trace.
      throw new BadInputException(file, 0, "", "is not a shard file this version can read: " + e);
    }
  }

  private static ObjectNode toJson(ShardRecord record) {
    ObjectNode root = JSON.createObjectNode();
    root.put("shard", record.shard().toString());
    root.put("scenario", record.scenario());
    root.put("topology", record.topology());
    root.put("start_at", record.startAt().toString());
    root.put("finished", record.finished());
    ArrayNode problems = root.putArray("problems");
    record.problems().forEach(problems::add);
    record.ledger().ifPresent(ledger -> root.set("ledger", ledgerJson(ledger)));
    return root;
  }

  private static ObjectNode ledgerJson(WorkloadLedger ledger) {
    ObjectNode node = JSON.createObjectNode();
    ArrayNode senders = node.putArray("senders");
    for (SenderTally s : ledger.senders()) {
      senders.addObject().put("id", s.id()).put("name", s.name()).put("sent", s.sent());
    }
    ArrayNode receivers = node.putArray("receivers");
    for (ReceiverTally r : ledger.receivers()) {
      ObjectNode one = receivers.addObject().put("name", r.name());
      r.queueGroup()
          .ifPresentOrElse(g -> one.put("queue_group", g), () -> one.putNull("queue_group"));
      ArrayNode counts = one.putArray("distinct_by_sender");
      for (long count : r.distinctBySender()) {
        counts.add(count);
      }
      one.put("duplicates", r.duplicates()).put("out_of_order", r.outOfOrder());
    }
    return node;
  }

  private static ShardRecord fromJson(JsonNode root) {
    List<String> problems = new ArrayList<>();
    root.path("problems").forEach(p -> problems.add(p.asText()));
    Optional<WorkloadLedger> ledger =
        root.has("ledger") ? Optional.of(ledgerFrom(root.get("ledger"))) : Optional.empty();
    return new ShardRecord(
        Shard.parse(root.path("shard").asText())
            .orElseThrow(
                () -> new IllegalArgumentException("shard is not i/N: " + root.get("shard"))),
        root.path("scenario").asText(),
        root.path("topology").asText(),
        Instant.parse(root.path("start_at").asText()),
        root.path("finished").asBoolean(),
        problems,
        ledger);
  }

  private static WorkloadLedger ledgerFrom(JsonNode node) {
    List<SenderTally> senders = new ArrayList<>();
    node.path("senders")
        .forEach(
            s ->
                senders.add(
                    new SenderTally(
                        s.path("id").asInt(), s.path("name").asText(), s.path("sent").asLong())));
    List<ReceiverTally> receivers = new ArrayList<>();
    for (JsonNode r : node.path("receivers")) {
      long[] counts = new long[r.path("distinct_by_sender").size()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = r.path("distinct_by_sender").path(i).asLong();
      }
      Optional<String> group =
          r.path("queue_group").isNull()
              ? Optional.empty()
              : Optional.of(r.path("queue_group").asText());
      receivers.add(
          new ReceiverTally(
              r.path("name").asText(),
              group,
              counts,
              r.path("duplicates").asLong(),
              r.path("out_of_order").asLong()));
    }
    return new WorkloadLedger(senders, receivers);
  }
}
