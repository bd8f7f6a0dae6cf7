package dev.meshcheck.load;

import java.io.IOException;

/**
 * A fan-out receiver on a {@link WireConnection}: a {@link WireSubscription} whose thread hands
 * each payload, parsed in place, to the receiver's {@link DeliveryRecorder}. A broken socket ends
 * the thread (what it missed then counts as lost). Closing stops the thread and closes the socket.
 */
final class WireSubscriber implements FanOutReceiver {
  private final DeliveryRecorder deliveries;
  private final WireSubscription subscription;

  WireSubscriber(
      Subscriber.Spec spec,
      WireConnection connection,
      DeliveryRecorder deliveries,
      Clock clock,
      ConnectionErrors errors)
      throws IOException, InterruptedException {
    this.deliveries = deliveries;
    this.subscription =
        WireSubscription.open(
            spec.name(),
            connection,
            spec.subject(),
            spec.queueGroup(),
            new Recording(deliveries, clock),
            errors);
  }

  @Override
  public DeliveryRecorder deliveries() {
    return deliveries;
  }

  @Override
  public void close() {
    subscription.close();
  }

  /** Stamps each payload with its receive time and records it; the reading thread only. */
  private static final class Recording implements WireSubscription.Handler {
    // The clock is read when a socket read returns and again every CLOCK_EVERY messages parsed
    // from it, not per message: in a profile at two million messages a second, a clock read per
    // message was a quarter of this thread's time. A message's receive time is thus early by at
    // most the parsing of the CLOCK_EVERY - 1 messages before it in the same read (microseconds).
    private static final int CLOCK_EVERY = 64;
    private final DeliveryRecorder deliveries;
    private final Clock clock;
    private long clockNanos;
    private int sinceClock;

    Recording(DeliveryRecorder deliveries, Clock clock) {
      this.deliveries = deliveries;
      this.clock = clock;
    }

    @Override
    public void onBytesRead() {
      clockNanos = clock.nanoTime();
      sinceClock = 0;
    }

    @Override
    public void onMessage(byte[] buffer, int offset, int length) {
      if (++sinceClock == CLOCK_EVERY) {
        clockNanos = clock.nanoTime();
        sinceClock = 0;
      }
      deliveries.onPayload(buffer, offset, length, clockNanos);
    }
  }
}
