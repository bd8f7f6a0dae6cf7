package dev.meshcheck.shard;

import dev.meshcheck.result.WorkloadLedger;
import dev.meshcheck.result.WorkloadLedger.ReceiverTally;
import dev.meshcheck.result.WorkloadLedger.SenderTally;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loss, duplicates and reordering of a fan-out worked out over every shard's ledger: each plain
 * subscriber expects what every publisher of every shard sent; a queue group, whose members sit in
 * several shards, expects each message once over all of them.
 *
 * @param lost expected deliveries that no receiver got
 * @param duplicates copies received more than once (as each receiver counted them)
 * @param outOfOrder copies that came after a later one of their publisher
 */
record CrossShardCounts(long lost, long duplicates, long outOfOrder) {

  static CrossShardCounts of(List<WorkloadLedger> ledgers) {
    Map<Integer, Long> sentBySender = new LinkedHashMap<>();
    for (WorkloadLedger ledger : ledgers) {
      for (SenderTally sender : ledger.senders()) {
        sentBySender.merge(sender.id(), sender.sent(), Long::sum);
      }
    }
    long lost = 0;
    long duplicates = 0;
    long outOfOrder = 0;
    Map<String, long[]> groups = new LinkedHashMap<>();
    for (WorkloadLedger ledger : ledgers) {
      for (ReceiverTally receiver : ledger.receivers()) {
        duplicates += receiver.duplicates();
        outOfOrder += receiver.outOfOrder();
        if (receiver.queueGroup().isPresent()) {
          groups.merge(
              receiver.queueGroup().get(), receiver.distinctBySender(), CrossShardCounts::add);
        } else {
          lost += missing(sentBySender, receiver.distinctBySender());
        }
      }
    }
    for (long[] distinct : groups.values()) {
      lost += missing(sentBySender, distinct);
    }
    return new CrossShardCounts(lost, duplicates, outOfOrder);
  }

  /** What the senders sent and these counts lack; senders no ledger names are not expected. */
  private static long missing(Map<Integer, Long> sentBySender, long[] distinctBySender) {
    long missing = 0;
    for (Map.Entry<Integer, Long> sender : sentBySender.entrySet()) {
      int id = sender.getKey();
      long got = id < distinctBySender.length ? distinctBySender[id] : 0;
      missing += Math.max(0, sender.getValue() - got);
    }
    return missing;
  }

  private static long[] add(long[] a, long[] b) {
    long[] sum = new long[Math.max(a.length, b.length)];
    for (int i = 0; i < sum.length; i++) {
      sum[i] = (i < a.length ? a[i] : 0) + (i < b.length ? b[i] : 0);
    }
    return sum;
  }
}
