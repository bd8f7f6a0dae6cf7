package dev.meshcheck.load.transport;

import java.time.Duration;

/**
 * One publishing connection of a fan-out. {@link #send}, {@link #pushBuffered} and {@link #flush}
 * are called by one thread at a time (the sender loop, or the driver before and after it runs).
 * Closing it closes its connection.
 */
public interface Publisher extends MessageSender, AutoCloseable {
  /**
   * Waits until everything published so far has reached the server, or {@code timeout} passes;
   * returns false when it could not be confirmed (timeout or broken connection).
   */
  boolean flush(Duration timeout) throws InterruptedException;

  @Override
  void close();
}
