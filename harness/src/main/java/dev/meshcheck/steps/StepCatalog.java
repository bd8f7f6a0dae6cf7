package dev.meshcheck.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every step definition of the glue, read from the step classes themselves ({@code *Steps} in this
 * package, found on the class path), so {@code meshcheck steps} can never drift from what runs.
 */
public final class StepCatalog {
  private static final String PACKAGE_PATH = "dev/meshcheck/steps";

  /**
   * One step definition.
   *
   * @param area the step class's name without {@code Steps}, lower case ({@code pubsub})
   * @param keyword Given, When or Then
   * @param pattern the Cucumber expression
   * @param example the step as a feature writes it, or empty when the method has no {@link Example}
   */
  public record Entry(String area, String keyword, String pattern, String example) {}

  private StepCatalog() {}

  /** Every step, sorted by area, then keyword (Given, When, Then), then pattern. */
  public static List<Entry> load() {
    List<Entry> entries = new ArrayList<>();
    for (String className : stepClassNames()) {
      try {
        entries.addAll(entriesOf(Class.forName(className)));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("step class " + className + " vanished", e);
      }
    }
    entries.sort(
        Comparator.comparing(Entry::area)
            .thenComparing(e -> List.of("Given", "When", "Then").indexOf(e.keyword()))
            .thenComparing(Entry::pattern));
    return entries;
  }

  static List<Entry> entriesOf(Class<?> stepClass) {
    String area = stepClass.getSimpleName().replaceFirst("Steps$", "").toLowerCase(Locale.ROOT);
    List<Entry> entries = new ArrayList<>();
    for (Method method : stepClass.getDeclaredMethods()) {
      String example =
          method.isAnnotationPresent(Example.class)
              ? method.getAnnotation(Example.class).value()
              : "";
      Given given = method.getAnnotation(Given.class);
      When when = method.getAnnotation(When.class);
      Then then = method.getAnnotation(Then.class);
      if (given != null) {
        entries.add(new Entry(area, "Given", given.value(), example));
      }
      if (when != null) {
        entries.add(new Entry(area, "When", when.value(), example));
      }
      if (then != null) {
        entries.add(new Entry(area, "Then", then.value(), example));
      }
    }
    return entries;
  }

  private static Set<String> stepClassNames() {
    Set<String> names = new TreeSet<>();
    try {
      Enumeration<URL> roots = StepCatalog.class.getClassLoader().getResources(PACKAGE_PATH);
      while (roots.hasMoreElements()) {
        URL root = roots.nextElement();
        if (root.getProtocol().equals("jar")) {
          namesInJar(root, names);
        } else {
          namesInFolder(Path.of(root.toURI()), names);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the step classes", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot list the step classes", e);
    }
    return names;
  }

  private static void namesInJar(URL root, Set<String> names) throws IOException {
    JarURLConnection connection = (JarURLConnection) root.openConnection();
    connection.setUseCaches(false);
    try (JarFile jar = connection.getJarFile()) {
      jar.stream()
          .map(JarEntry::getName)
          .filter(n -> n.startsWith(PACKAGE_PATH + "/") && n.endsWith("Steps.class"))
          .filter(n -> n.indexOf('/', PACKAGE_PATH.length() + 1) < 0)
          .forEach(n -> names.add(className(n)));
    }
  }

  private static void namesInFolder(Path folder, Set<String> names) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith("Steps.class"))
          .forEach(n -> names.add(className(PACKAGE_PATH + "/" + n)));
    }
  }

  private static String className(String resource) {
    return resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
  }
}
