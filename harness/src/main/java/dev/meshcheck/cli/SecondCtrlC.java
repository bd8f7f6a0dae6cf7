package dev.meshcheck.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a second Ctrl-C exit at once. The first SIGINT starts the JVM's shutdown as it always does:
 * the shutdown hooks close the meshes and a run writes its partial report ({@link CtrlC}), which
 * takes seconds. A user who will not wait presses Ctrl-C again: every process this JVM started (its
 * nats-servers, a JMH fork and that fork's servers) is killed with SIGKILL and the JVM halts with
 * exit code 130 without waiting for the hooks. What cannot be killed that fast stays for the next
 * start to remove ({@code topology.Leftovers}): containers and networks, and the run folders of the
 * processes backend.
 *
 * <p>Java has no public API for signals; {@code sun.misc.Signal} (module {@code jdk.unsupported})
 * is reached by reflection because the compiler warns about it, and warnings fail this build. A JVM
 * without it keeps Java's own behaviour, where a second Ctrl-C waits for the hooks like the first.
 */
final class SecondCtrlC {
  static final int EXIT_CODE = 130;

  private SecondCtrlC() {}

  /** Takes over SIGINT for this JVM; call once, from {@code main}, never from tests in-process. */
  static void install() {
    AtomicInteger presses = new AtomicInteger();
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
      InvocationHandler onSignal =
          (proxy, method, args) ->
              switch (method.getName()) {
                case "handle" -> {
                  onCtrlC(presses.incrementAndGet());
                  yield null;
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> "meshcheck second Ctrl-C handler";
              };
      Object handler =
          Proxy.newProxyInstance(
              SecondCtrlC.class.getClassLoader(), new Class<?>[] {handlerType}, onSignal);
      Object sigint = signal.getConstructor(String.class).newInstance("INT");
      // Where SIGINT is ignored (a job started with & by a script) the JVM keeps ignoring it.
      signal.getMethod("handle", signal, handlerType).invoke(null, sigint, handler);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
      // Not this JVM: Java's own handling of Ctrl-C stays.
    }
  }

  /** Runs on a thread of its own per signal, as the JVM dispatches them. */
  private static void onCtrlC(int press) {
    if (press == 1) {
      System.exit(EXIT_CODE); // what Java does on SIGINT: run the shutdown hooks
      return;
    }
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    System.err.println(
        "meshcheck: second Ctrl-C: stopped at once; the processes it started are killed, the"
            + " containers and run folders it leaves go at the next start");
    System.err.flush();
    Runtime.getRuntime().halt(EXIT_CODE);
  }
}
