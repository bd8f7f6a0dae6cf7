package dev.meshcheck.scenario;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which share of a workload one generator runs: shard {@code index} of {@code count} (0-based, as
 * Kubernetes' {@code JOB_COMPLETION_INDEX}). Connections are dealt out so that shard {@code i} gets
 * the {@code i}-th share of each role, the first {@code total % count} shards one more; every
 * connection keeps its number in the whole workload, so identities are unique across shards.
 *
 * <pre>{@code
 * Shard shard = Shard.parse("1/3").orElseThrow();   // the second of three
 * int publishers = shard.share(7);        // 2 (shares 3, 2, 2)
 * int firstId = shard.offset(7);          // 3: this shard's publishers are 3 and 4
 * }</pre>
 */
public record Shard(int index, int count) {
  private static final Pattern FORM = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

  public Shard {
    if (count < 1) {
      throw new IllegalArgumentException("shard count must be at least 1, was " + count);
    }
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "shard index must be from 0 to " + (count - 1) + ", was " + index);
    }
  }

  /** The whole workload in one generator: what {@code run} without {@code --shard} does. */
  public static Shard whole() {
    return new Shard(0, 1);
  }

  /**
   * @param text {@code i/N}, such as {@code 0/3}
   * @return empty unless {@code text} is {@code i/N} with {@code 0 <= i < N}
   */
  public static Optional<Shard> parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    int index = Integer.parseInt(m.group(1));
    int count = Integer.parseInt(m.group(2));
    if (count < 1 || index >= count) {
      return Optional.empty();
    }
    return Optional.of(new Shard(index, count));
  }

  /**
   * @throws BadInputException when a role of the scenario has fewer connections than there are
   *     shards: every shard needs at least one of each, or it would measure nothing of it
   */
  public void requireSplittable(LoadScenario scenario) {
    Workload w = scenario.workload();
    boolean requestReply = w.kind() == WorkloadKind.REQUEST_REPLY;
    requireAtLeastOne(scenario, requestReply ? "clients" : "publishers", w.senders().count());
    if (w.kind() != WorkloadKind.QUEUE_FAN_OUT || w.receivers().subscriberCount() > 0) {
      if (!requestReply) {
        requireAtLeastOne(scenario, "subscribers", w.receivers().subscriberCount());
      }
    }
    if (w.kind() != WorkloadKind.FAN_OUT) {
      requireAtLeastOne(scenario, "service.members", w.receivers().service().memberCount());
    }
  }

  private void requireAtLeastOne(LoadScenario scenario, String field, int total) {
    if (total < count) {
      throw new BadInputException(
          scenario.file(),
          0,
          "workload." + field,
          total
              + " cannot be split over "
              + count
              + " shards: every shard needs at least one; use at most "
              + total
              + " shards or more "
              + field);
    }
  }

  public boolean isWhole() {
    return count == 1;
  }

  /** How many of {@code total} connections of a role this shard runs. */
  public int share(int total) {
    return total / count + (index < total % count ? 1 : 0);
  }

  /** The number in the whole workload (0-based) of this shard's first connection of a role. */
  public int offset(int total) {
    return index * (total / count) + Math.min(index, total % count);
  }

  /**
   * A connection's name: {@code publisher-4} for the whole workload, {@code shard1-publisher-4} in
   * shard 1, so that names say where a connection ran and stay unique across shards.
   *
   * @param number the connection's 0-based number in the whole workload
   */
  public String connectionName(String role, int number) {
    String name = role + "-" + (number + 1);
    return isWhole() ? name : "shard" + index + "-" + name;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
