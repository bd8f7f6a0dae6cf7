package dev.meshcheck.load.wire;

import dev.meshcheck.load.transport.ConnectionEvents;
import dev.meshcheck.load.transport.DeliveryHandler;
import dev.meshcheck.load.transport.Receiver;
import dev.meshcheck.load.transport.ReceiverSpec;
import java.io.IOException;
import java.util.function.LongSupplier;

/**
 * A fan-out receiver on a {@link WireLink}: a {@link WireSubscription} whose thread hands each
 * payload, parsed in place, to the receiver's {@link DeliveryHandler}. When its server goes, it
 * reconnects to another and subscribes again (what it missed meanwhile counts as lost). Closing
 * stops the thread and closes the socket.
 */
final class WireSubscriber implements Receiver {
  private final WireSubscription subscription;

  WireSubscriber(
      ReceiverSpec spec,
      WireLink link,
      DeliveryHandler deliveries,
      LongSupplier nanoClock,
      ConnectionEvents events)
      throws IOException, InterruptedException {
    this.subscription =
        WireSubscription.open(
            spec.name(),
            link,
            spec.subject(),
            spec.queueGroup(),
            new Recording(deliveries, nanoClock),
            events);
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
    private final DeliveryHandler deliveries;
    private final LongSupplier nanoClock;
    private long clockNanos;
    private int sinceClock;

    Recording(DeliveryHandler deliveries, LongSupplier nanoClock) {
      this.deliveries = deliveries;
      this.nanoClock = nanoClock;
    }

    @Override
    public void onBytesRead() {
      clockNanos = nanoClock.getAsLong();
      sinceClock = 0;
    }

    @Override
    public void onMessage(byte[] buffer, int offset, int length) {
      if (++sinceClock == CLOCK_EVERY) {
        clockNanos = nanoClock.getAsLong();
        sinceClock = 0;
      }
      deliveries.onPayload(buffer, offset, length, clockNanos);
    }
  }
}
