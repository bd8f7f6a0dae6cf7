package dev.meshcheck.load;

/**
 * One member of the service under load: takes requests from the queue group and echoes each payload
 * (the stamp) to its reply subject. Counters are readable from any thread; closing it closes its
 * connection.
 */
interface Responder extends AutoCloseable {
  String name();

  /** Measured requests this member answered. */
  long measuredHandled();

  @Override
  void close();
}
