package dev.meshcheck.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process still runs, for deciding whose leftovers may be removed. {@link
 * ProcessHandle#isAlive} also says true of a zombie: a JVM killed together with its parent (a JMH
 * fork) waits as one until init reaps it, which a container's init may never do, and its leftovers
 * would then be kept for good.
 */
public final class Liveness {
  private Liveness() {}

  /** Alive and not a zombie. */
  public static boolean isRunning(ProcessHandle process) {
    return process.isAlive() && !isZombie(process.pid());
  }

  private static boolean isZombie(long pid) {
    try {
      // The state is the first field after the command, which is in parentheses and may hold any
      // character, so it is found after the last ')'.
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      int end = stat.lastIndexOf(')');
      if (end < 0 || end + 2 >= stat.length()) {
        return false;
      }
      char state = stat.charAt(end + 2);
      return state == 'Z' || state == 'X';
    } catch (IOException | RuntimeException e) {
      return false; // no /proc here (not Linux), or the process is gone: isAlive has answered
    }
  }
}
