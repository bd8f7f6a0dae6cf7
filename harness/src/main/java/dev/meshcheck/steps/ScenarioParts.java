package dev.meshcheck.steps;

import java.lang.reflect.Constructor;
import java.util.ArrayDeque;
import java.util.Deque;
import org.picocontainer.ComponentAdapter;
import org.picocontainer.PicoContainer;
import org.picocontainer.monitors.NullComponentMonitor;

/**
 * Remembers every glue object made for one scenario, in the order picocontainer made them, and
 * closes the {@link AutoCloseable} ones in reverse: a part is made after the parts it depends on,
 * so subscriptions and services close before the clients they use, and clients before the mesh
 * lease gives the mesh back. {@link Hooks} closes them after the last step, so a failure to clean
 * up fails the scenario; {@link GlueFactory} closes whatever is left. Not thread-safe: one per
 * scenario.
 */
public final class ScenarioParts extends NullComponentMonitor {
  private final Deque<Object> made = new ArrayDeque<>();

  @Override
  public <T> void instantiated(
      PicoContainer container,
      ComponentAdapter<T> adapter,
      Constructor<T> constructor,
      Object instance,
      Object[] injected,
      long durationMillis) {
    made.push(instance);
  }

  /**
   * Closes every part made so far, the last made first; every part gets closed even when one fails.
   *
   * @throws IllegalStateException naming the first part that failed to close (others suppressed)
   */
  public void close() {
    IllegalStateException failure = null;
    while (!made.isEmpty()) {
      if (made.pop() instanceof AutoCloseable part) {
        try {
          part.close();
        } catch (Exception e) {
          IllegalStateException wrapped =
              new IllegalStateException(
                  "closing " + part.getClass().getSimpleName() + " failed: " + e.getMessage(), e);
          if (failure == null) {
            failure = wrapped;
          } else {
            failure.addSuppressed(wrapped);
          }
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
