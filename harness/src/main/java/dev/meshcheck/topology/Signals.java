package dev.meshcheck.topology;

import java.io.IOException;

/** POSIX signals Java's ProcessHandle cannot send (STOP, CONT, USR2), through kill(1). */
final class Signals {
  private Signals() {}

  static void send(String signal, long pid) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException(
            "kill -"
                + signal
                + " "
                + pid
                + " failed: "
                + new String(kill.getErrorStream().readAllBytes()));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run kill(1) to send " + signal + " to " + pid, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending " + signal + " to " + pid, e);
    }
  }
}
