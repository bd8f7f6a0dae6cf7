package dev.meshcheck.load.transport;

/**
 * One receiving connection of a fan-out (a plain subscriber or a queue group member): its
 * deliveries go to the {@link DeliveryHandler} it was opened with. Closing it stops delivery and
 * closes its connection.
 */
public interface Receiver extends AutoCloseable {
  @Override
  void close();
}
