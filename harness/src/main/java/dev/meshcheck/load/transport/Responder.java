package dev.meshcheck.load.transport;

/**
 * One member of the service under load: takes requests from the queue group, tells its {@link
 * RequestListener} about each, and echoes each payload (the stamp) to its reply subject. Closing it
 * closes its connection.
 */
public interface Responder extends AutoCloseable {
  @Override
  void close();
}
