package dev.meshcheck.steps;

import dev.meshcheck.report.ConformanceRecorder;
import io.cucumber.core.backend.ObjectFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.picocontainer.DefaultPicoContainer;
import org.picocontainer.MutablePicoContainer;
import org.picocontainer.PicoBuilder;

/**
 * Cucumber's object factory for one conformance run: a picocontainer per scenario makes the step
 * classes and the per-scenario parts they ask for in their constructors ({@link MeshLease}, {@link
 * Clients}, {@link Subscriptions}, ...), one of each per scenario, and its parent holds the run's
 * own objects ({@link RunSettings}, {@link MeshPool}, the {@link ConformanceRecorder}, the {@link
 * StopRequest}). Nothing is static, so two runs in one JVM keep apart. Cucumber calls {@link
 * #start} before and {@link #stop} after each scenario; scenarios of one run go one at a time.
 *
 * <pre>{@code
 * Runtime.builder().withObjectFactorySupplier(() -> new GlueFactory(settings, pool, recorder))...
 * }</pre>
 */
final class GlueFactory implements ObjectFactory {
  private final Map<Class<?>, Object> runObjects;
  private final Set<Class<?>> classes = new LinkedHashSet<>();
  private MutablePicoContainer scenario;
  private ScenarioParts parts;

  GlueFactory(RunSettings settings, MeshPool pool, ConformanceRecorder recorder) {
    this(settings, pool, recorder, StopRequest.never());
  }

  GlueFactory(RunSettings settings, MeshPool pool, ConformanceRecorder recorder, StopRequest stop) {
    this.runObjects =
        Map.of(
            RunSettings.class,
            settings,
            MeshPool.class,
            pool,
            ConformanceRecorder.class,
            recorder,
            StopRequest.class,
            stop);
  }

  /** Registers a glue class and, recursively, the parts its public constructors ask for. */
  @Override
  public boolean addClass(Class<?> glueClass) {
    if (!runObjects.containsKey(glueClass)
        && glueClass != ScenarioParts.class
        && isInstantiable(glueClass)
        && classes.add(glueClass)) {
      for (Constructor<?> constructor : glueClass.getConstructors()) {
        for (Class<?> parameter : constructor.getParameterTypes()) {
          addClass(parameter);
        }
      }
    }
    return true;
  }

  @Override
  public void start() {
    MutablePicoContainer run = new DefaultPicoContainer();
    runObjects.forEach(run::addComponent);
    parts = new ScenarioParts();
    scenario = new PicoBuilder(run).withCaching().withMonitor(parts).build();
    scenario.addComponent(ScenarioParts.class, parts);
    classes.forEach(scenario::addComponent);
  }

  /** Closes whatever the scenario's {@link Hooks} did not (when a hook failed before it). */
  @Override
  public void stop() {
    try {
      parts.close();
    } finally {
      scenario = null;
      parts = null;
    }
  }

  @Override
  public <T> T getInstance(Class<T> type) {
    T instance = scenario.getComponent(type);
    if (instance == null) {
      throw new IllegalStateException("the glue has no " + type.getName());
    }
    return instance;
  }

  private static boolean isInstantiable(Class<?> type) {
    int modifiers = type.getModifiers();
    return Modifier.isPublic(modifiers)
        && !Modifier.isAbstract(modifiers)
        && !type.isInterface()
        && (type.getEnclosingClass() == null || Modifier.isStatic(modifiers))
        && type.getConstructors().length > 0;
  }
}
