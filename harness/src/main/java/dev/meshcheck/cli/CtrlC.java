package dev.meshcheck.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns Ctrl-C (SIGINT, SIGTERM) into a stop flag while a command runs, and holds the JVM until the
 * command has written what it had (bounded), so that an interrupted run leaves its partial report.
 * Closing it removes the hook.
 *
 * <pre>{@code
 * try (CtrlC ctrlC = CtrlC.install()) {
 *   runner.run(scenario, new RunRequest(id, dir, progress, ctrlC.stopFlag()));
 *   ... write the report ...
 * }
 * }</pre>
 */
final class CtrlC implements AutoCloseable {
  private static final long WRITE_GRACE_SECONDS = 30;

  private final AtomicBoolean stop = new AtomicBoolean();
  private final CountDownLatch written = new CountDownLatch(1);
  private final Thread hook;

  private CtrlC() {
    hook = new Thread(this::stopAndWait, "meshcheck-interrupt");
  }

  static CtrlC install() {
    CtrlC ctrlC = new CtrlC();
    Runtime.getRuntime().addShutdownHook(ctrlC.hook);
    return ctrlC;
  }

  /** Set once Ctrl-C was pressed; what runs should stop sending and end as partial. */
  AtomicBoolean stopFlag() {
    return stop;
  }

  private void stopAndWait() {
    stop.set(true);
    try {
      written.await(WRITE_GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    written.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already exiting (Ctrl-C); the hook has run.
    }
  }
}
