package dev.meshcheck.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs a few blocking Docker calls side by side (one thread each: they wait on the daemon, not on
 * the CPU) and waits for all of them; the first failure is rethrown with the others suppressed.
 */
final class ParallelTasks {
  private ParallelTasks() {}

  static void runAll(String what, List<Runnable> tasks) {
    if (tasks.isEmpty()) {
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            tasks.size(),
            task -> {
              Thread thread = new Thread(task, "meshcheck-" + what.replace(' ', '-'));
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<CompletableFuture<Void>> running = new ArrayList<>();
      for (Runnable task : tasks) {
        running.add(CompletableFuture.runAsync(task, pool));
      }
      RuntimeException first = null;
      for (CompletableFuture<Void> future : running) {
        try {
          future.join();
        } catch (CompletionException e) {
          RuntimeException cause = unwrap(e);
          if (first == null) {
            first = cause;
          } else {
            first.addSuppressed(cause);
          }
        }
      }
      if (first != null) {
        throw first;
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static RuntimeException unwrap(CompletionException e) {
    return e.getCause() instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException(e.getCause());
  }
}
