package dev.meshcheck.result;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Who sent how much to whom in a workload's measured phase, by sender: what a merge of shards needs
 * to work out loss across them, since a subscriber in one shard hears the publishers of every
 * shard. Sender ids are numbers in the whole workload (the stamp's sender id).
 *
 * @param senders this generator's publishers or clients and what each sent
 * @param receivers this generator's plain subscribers, and one entry per queue group (its members'
 *     deliveries together); empty for request-reply, whose losses are the clients' own timeouts
 */
public record WorkloadLedger(List<SenderTally> senders, List<ReceiverTally> receivers) {
  public WorkloadLedger {
    senders = List.copyOf(senders);
    receivers = List.copyOf(receivers);
  }

  /**
   * @param id the sender's number in the whole workload (0-based)
   * @param sent measured messages or requests the client accepted
   */
  public record SenderTally(int id, String name, long sent) {}

  /**
   * @param name the subscriber's connection name, or the queue group's name
   * @param queueGroup present for a queue group, whose members share the messages
   * @param distinctBySender measured messages received once or more, by sender id in the whole
   *     workload
   * @param duplicates copies received more than once
   * @param outOfOrder copies that came after a later one of the same sender
   */
  public record ReceiverTally(
      String name,
      Optional<String> queueGroup,
      long[] distinctBySender,
      long duplicates,
      long outOfOrder) {
    public ReceiverTally {
      distinctBySender = distinctBySender.clone();
    }

    @Override
    public long[] distinctBySender() {
      return distinctBySender.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ReceiverTally t
          && name.equals(t.name)
          && queueGroup.equals(t.queueGroup)
          && Arrays.equals(distinctBySender, t.distinctBySender)
          && duplicates == t.duplicates
          && outOfOrder == t.outOfOrder;
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + Arrays.hashCode(distinctBySender);
    }
  }
}
