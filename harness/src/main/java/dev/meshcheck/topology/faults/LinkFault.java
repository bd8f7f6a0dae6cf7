package dev.meshcheck.topology.faults;

import java.time.Duration;

/**
 * A fault that stays switched on for a link until it is cleared ({@link LinkFaults#clear(Link,
 * LinkFaultKind)}). A connection reset is a one-off action instead ({@link
 * LinkFaults#reset(Link)}).
 *
 * <pre>{@code
 * faults.apply(Link.route("1", "2"), LinkFault.latency(Duration.ofMillis(50), Duration.ofMillis(5)));
 * faults.apply(Link.clientsOf("east-2"), LinkFault.bandwidth(1_000_000));
 * faults.apply(Link.gateway("east", "west"), LinkFault.blackhole());
 * }</pre>
 */
public sealed interface LinkFault {
  LinkFaultKind kind();

  /**
   * @param roundTrip added to every round trip across the link: half of it delays each direction,
   *     so one-way traffic (a publish across the link) is delayed by half
   * @param jitter the round trip varies within {@code roundTrip ± jitter} (uniformly; each
   *     direction within ± half of it); bytes are never reordered
   */
  static Latency latency(Duration roundTrip, Duration jitter) {
    return new Latency(roundTrip, jitter);
  }

  /** At most {@code bytesPerSecond} in each direction of each connection on the link. */
  static BandwidthLimit bandwidth(long bytesPerSecond) {
    return new BandwidthLimit(bytesPerSecond);
  }

  /** A partition: nothing crosses the link until it is cleared. */
  static Blackhole blackhole() {
    return new Blackhole();
  }

  /** See {@link #latency(Duration, Duration)}. */
  record Latency(Duration roundTrip, Duration jitter) implements LinkFault {
    public Latency {
      if (roundTrip == null || roundTrip.isNegative() || roundTrip.isZero()) {
        throw new IllegalArgumentException("latency must be positive, was " + roundTrip);
      }
      if (jitter == null || jitter.isNegative() || jitter.compareTo(roundTrip) > 0) {
        throw new IllegalArgumentException(
            "jitter must be from 0 to the latency (" + roundTrip + "), was " + jitter);
      }
    }

    @Override
    public LinkFaultKind kind() {
      return LinkFaultKind.LATENCY;
    }
  }

  /** See {@link #bandwidth(long)}. */
  record BandwidthLimit(long bytesPerSecond) implements LinkFault {
    /** Below this the NATS handshake alone would take seconds. */
    public static final long MIN_BYTES_PER_SECOND = 1024;

    public BandwidthLimit {
      if (bytesPerSecond < MIN_BYTES_PER_SECOND) {
        throw new IllegalArgumentException(
            "bandwidth must be at least "
                + MIN_BYTES_PER_SECOND
                + " bytes/s, was "
                + bytesPerSecond);
      }
    }

    @Override
    public LinkFaultKind kind() {
      return LinkFaultKind.BANDWIDTH;
    }
  }

  /**
   * See {@link #blackhole()}. Like a real partition, connections neither close nor deliver: bytes
   * sent meanwhile arrive after the heal unless a server's pings have closed the connection first
   * ({@code ping_interval} x {@code ping_max}); new connections hang.
   */
  record Blackhole() implements LinkFault {
    @Override
    public LinkFaultKind kind() {
      return LinkFaultKind.BLACKHOLE;
    }
  }
}
