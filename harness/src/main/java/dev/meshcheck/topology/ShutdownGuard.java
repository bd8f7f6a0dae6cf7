package dev.meshcheck.topology;

/**
 * Closes a mesh when the JVM exits without closing it (Ctrl-C, SIGTERM, a test runner that gives
 * up). Disarmed by the mesh's own close, so a closed mesh leaves no hook behind.
 */
final class ShutdownGuard {
  private final Thread hook;

  private ShutdownGuard(Thread hook) {
    this.hook = hook;
  }

  static ShutdownGuard arm(String what, Runnable cleanup) {
    Thread hook = new Thread(cleanup, "meshcheck-shutdown-" + what);
    Runtime.getRuntime().addShutdownHook(hook);
    return new ShutdownGuard(hook);
  }

  /** Removes the hook; does nothing when the JVM is already shutting down. */
  void disarm() {
    if (Thread.currentThread() == hook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook runs (or ran) anyway; closing twice is harmless.
    }
  }
}
