package dev.meshcheck.load;

/**
 * One receiving connection of a fan-out (a plain subscriber or a queue group member), on whichever
 * client: its deliveries go to its {@link DeliveryRecorder}. Closing it stops delivery and closes
 * its connection.
 */
interface FanOutReceiver extends AutoCloseable {
  DeliveryRecorder deliveries();

  @Override
  void close();
}
