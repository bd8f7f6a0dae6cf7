package dev.meshcheck.steps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The times one client was without its connection: from the client library's disconnected event to
 * its reconnected event, on the clock given (nanoseconds). Thread-safe: the events arrive on the
 * client's threads, steps read on theirs.
 */
final class Outages {
  /**
   * One outage.
   *
   * @param endNanos when the client was connected again, empty while it is still without
   */
  record Outage(long startNanos, Optional<Long> endNanos) {
    /** How long it lasted, or has lasted until {@code nowNanos} while it goes on. */
    Duration length(long nowNanos) {
      return Duration.ofNanos(endNanos.orElse(nowNanos) - startNanos);
    }

    boolean isOver() {
      return endNanos.isPresent();
    }
  }

  private final LongSupplier nanoClock;
  private final List<Outage> outages = new ArrayList<>();

  Outages(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /** The connection is lost; a second event before the reconnect belongs to the same outage. */
  synchronized void disconnected() {
    if (ongoing().isEmpty()) {
      outages.add(new Outage(nanoClock.getAsLong(), Optional.empty()));
    }
  }

  /** The connection is back; ends the ongoing outage, if any. */
  synchronized void reconnected() {
    ongoing()
        .ifPresent(
            open ->
                outages.set(
                    outages.size() - 1,
                    new Outage(open.startNanos(), Optional.of(nanoClock.getAsLong()))));
  }

  synchronized List<Outage> all() {
    return List.copyOf(outages);
  }

  synchronized Optional<Outage> last() {
    return outages.isEmpty() ? Optional.empty() : Optional.of(outages.get(outages.size() - 1));
  }

  synchronized Optional<Outage> ongoing() {
    return last().filter(o -> !o.isOver());
  }

  long nowNanos() {
    return nanoClock.getAsLong();
  }
}
