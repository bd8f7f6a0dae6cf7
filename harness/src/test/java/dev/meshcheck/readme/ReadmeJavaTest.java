package dev.meshcheck.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java README shows compiles against the library as it is: each {@code ```java} block, as the
 * body of a method given a launcher, a topology and a link, as README's sentences around it do.
 */
class ReadmeJavaTest {
  private static final String IMPORTS =
      """
      import dev.meshcheck.scenario.Topology;
      import dev.meshcheck.topology.*;
      import dev.meshcheck.topology.faults.*;
      import java.time.Duration;
      import java.util.EnumSet;
      """;

  @TempDir Path classes;

  @Test
  void everyJavaBlockOfReadmeCompiles() throws IOException {
    List<String> blocks =
        javaBlocks(Files.readAllLines(ReadmeCommandsTest.ROOT.resolve("README.md")));
    assertThat(blocks).as("README's Java blocks").isNotEmpty();

    for (int i = 0; i < blocks.size(); i++) {
      String source =
          IMPORTS
              + "class ReadmeBlock"
              + i
              + " {\n  void shown(MeshLauncher launcher, Topology topology, Link link) throws"
              + " Exception {\n"
              + blocks.get(i)
              + "\n  }\n}\n";
      assertThat(compile("ReadmeBlock" + i, source))
          .as("compiler output for:%n%s", source)
          .isEmpty();
    }
  }

  private String compile(String className, String source) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    SimpleJavaFileObject file =
        new SimpleJavaFileObject(
            URI.create("string:///" + className + ".java"), SimpleJavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    // Surefire may hand the test JVM a one-entry manifest jar; it names the real class path here.
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> options = List.of("-proc:none", "-classpath", classPath, "-d", classes.toString());
    boolean compiled =
        compiler.getTask(diagnostics, null, null, options, null, List.of(file)).call();
    return compiled ? "" : diagnostics.toString();
  }

  static List<String> javaBlocks(List<String> lines) {
    List<String> blocks = new ArrayList<>();
    StringBuilder block = null;
    for (String line : lines) {
      if (block == null && line.strip().equals("```java")) {
        block = new StringBuilder();
      } else if (block != null && line.strip().equals("```")) {
        blocks.add(block.toString());
        block = null;
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    return blocks;
  }
}
