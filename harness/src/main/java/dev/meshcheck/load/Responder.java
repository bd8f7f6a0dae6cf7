package dev.meshcheck.load;

/**
 * One member of the service under load: takes requests from the queue group and echoes each payload
 * (the stamp) to its reply subject, counting each in the {@link HandledRequests} it was given.
 * Closing it closes its connection.
 */
interface Responder extends AutoCloseable {
  String name();

  @Override
  void close();
}
