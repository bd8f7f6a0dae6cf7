package dev.meshcheck.topology;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.testcontainers.dockerclient.DockerClientConfigUtils;
import org.testcontainers.utility.ResourceReaper;

/**
 * The two Testcontainers settings this machine needs, chosen by the harness when the user set
 * neither, so that the containers backend works with no environment variables.
 *
 * <ul>
 *   <li>Without a Ryuk image (none can be pulled here) Testcontainers would retry its pull for
 *       minutes: the harness then uses Testcontainers' JVM-exit reaper instead, as {@code
 *       TESTCONTAINERS_RYUK_DISABLED=true} does. meshcheck labels its containers and removes them
 *       itself, also those of a run that was killed ({@link ContainerReaper}).
 *   <li>Inside a container (a CI runner), Testcontainers finds the host's address by starting an
 *       {@code alpine} container, which cannot be pulled either. meshcheck publishes every port on
 *       127.0.0.1 of the daemon's host, so with a local daemon the answer is always {@code
 *       localhost}, as {@code TESTCONTAINERS_HOST_OVERRIDE=localhost} says.
 * </ul>
 *
 * Testcontainers reads both only from the process environment, which a running JVM cannot change,
 * so the harness sets the two values they would have decided, before Testcontainers decides them.
 * An explicit environment variable always wins. A Testcontainers version whose internals differ
 * leaves everything as it was, and the probe's message still names the variables to set.
 */
final class TestcontainersDefaults {
  static final String RYUK_DISABLED = "TESTCONTAINERS_RYUK_DISABLED";
  static final String HOST_OVERRIDE = "TESTCONTAINERS_HOST_OVERRIDE";

  private static volatile boolean ryukReplaced;

  private TestcontainersDefaults() {}

  /** Whether containers are removed without Ryuk: asked by the user, or chosen here. */
  static boolean ryukDisabled() {
    return ryukReplaced || Boolean.parseBoolean(System.getenv(RYUK_DISABLED));
  }

  /**
   * Uses the JVM-exit reaper when the user did not choose and no Ryuk image is present.
   *
   * @return false when Ryuk stays (chosen, or its image is present) or could not be replaced
   */
  static synchronized boolean doWithoutRyukUnlessChosen(boolean ryukImagePresent) {
    if (ryukReplaced) {
      return true;
    }
    if (isSet(System.getenv(), RYUK_DISABLED) || ryukImagePresent) {
      return false;
    }
    ryukReplaced = installJvmHookReaper();
    return ryukReplaced;
  }

  /** With a local daemon and no override set, answers Testcontainers' host question: localhost. */
  static synchronized void localHostUnlessChosen(boolean localDaemon) {
    if (!localDaemon || isSet(System.getenv(), HOST_OVERRIDE)) {
      return;
    }
    try {
      Field field = DockerClientConfigUtils.class.getDeclaredField("defaultGateway");
      field.setAccessible(true);
      @SuppressWarnings("unchecked")
      AtomicReference<Object> gateway = (AtomicReference<Object>) field.get(null);
      // No gateway known means "localhost" to Testcontainers; only set it if it has not looked.
      gateway.compareAndSet(null, Optional.empty());
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Another Testcontainers version: it will look for itself.
    }
  }

  private static boolean installJvmHookReaper() {
    try {
      Field instance = ResourceReaper.class.getDeclaredField("instance");
      instance.setAccessible(true);
      synchronized (ResourceReaper.class) {
        if (instance.get(null) != null) {
          return instance.get(null).getClass().getSimpleName().equals("JVMHookResourceReaper");
        }
        Constructor<?> jvmHook =
            Class.forName("org.testcontainers.utility.JVMHookResourceReaper")
                .getDeclaredConstructor();
        jvmHook.setAccessible(true);
        instance.set(null, jvmHook.newInstance());
        return true;
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  private static boolean isSet(Map<String, String> env, String name) {
    String value = env.get(name);
    return value != null && !value.isBlank();
  }
}
