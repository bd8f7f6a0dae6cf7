package dev.meshcheck.scenario;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One node of a YAML document that remembers its file, line and field path, so that every value
 * read through it can be rejected with an error naming all three.
 *
 * <pre>{@code
 * YamlTree root = YamlTree.load(path);
 * root.allowOnly("name", "clusters");
 * int nodes = root.required("clusters").elements().get(0).required("nodes").asInt(1, 15);
 * }</pre>
 *
 * Not thread-safe; build records from it and drop it.
 */
public final class YamlTree {
  private final Path file;
  private final String field;
  private final Node node;

  private YamlTree(Path file, String field, Node node) {
    this.file = file;
    this.field = field;
    this.node = node;
  }

  /** Parses {@code file}; a syntax error becomes a {@link BadInputException} with its line. */
  public static YamlTree load(Path file) {
    try (Reader reader = Files.newBufferedReader(file)) {
      Node root = new Yaml(new LoaderOptions()).compose(reader);
      if (root == null) {
        throw new BadInputException(file, 0, "", "the file is empty");
      }
      return new YamlTree(file, "", root);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file, 0, "", "no such file");
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new BadInputException(file, line, "", "not valid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      // Not tied to a place: bytes that are no text, a document beyond SnakeYAML's limits.
      throw new BadInputException(file, 0, "", "not valid YAML: " + e.getMessage());
    } catch (IOException e) {
      throw new BadInputException(file, 0, "", "cannot be read: " + e.getMessage());
    }
  }

  public Path file() {
    return file;
  }

  /** 1-based line where this node starts. */
  public int line() {
    return node.getStartMark().getLine() + 1;
  }

  /** Dotted path of this node inside the document, such as {@code workload.service.members}. */
  public String field() {
    return field;
  }

  /** An error about this node, naming its file, line and field. */
  public BadInputException error(String problem) {
    return new BadInputException(file, line(), field, problem);
  }

  /**
   * Rejects any key not in {@code validKeys}, suggesting the nearest and listing the valid ones.
   */
  public YamlTree allowOnly(String... validKeys) {
    Set<String> valid = Set.of(validKeys);
    for (Map.Entry<String, YamlTree> entry : entries().entrySet()) {
      if (!valid.contains(entry.getKey())) {
        String suggestion =
            Suggestions.nearest(entry.getKey(), List.of(validKeys))
                .map(key -> " (did you mean '" + key + "'?)")
                .orElse("");
        throw entry
            .getValue()
            .error(
                "unknown field"
                    + suggestion
                    + "; valid fields here are "
                    + String.join(", ", validKeys));
      }
    }
    return this;
  }

  public YamlTree required(String key) {
    return optional(key)
        .orElseThrow(
            () -> new BadInputException(file, line(), child(key), "is required but missing"));
  }

  public Optional<YamlTree> optional(String key) {
    YamlTree value = entries().get(key);
    if (value == null || isNull(value.node)) {
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** The keys and values of a mapping, in file order. */
  public Map<String, YamlTree> entries() {
    if (!(node instanceof MappingNode mapping)) {
      throw error("must be a mapping of field: value, was " + describe());
    }
    Map<String, YamlTree> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw new YamlTree(file, field, tuple.getKeyNode()).error("keys must be plain words");
      }
      if (entries.put(
              key.getValue(), new YamlTree(file, child(key.getValue()), tuple.getValueNode()))
          != null) {
        throw new YamlTree(file, child(key.getValue()), key).error("appears twice");
      }
    }
    return entries;
  }

  public List<YamlTree> elements() {
    if (!(node instanceof SequenceNode sequence)) {
      throw error("must be a list, was " + describe());
    }
    List<YamlTree> elements = new ArrayList<>();
    for (int i = 0; i < sequence.getValue().size(); i++) {
      elements.add(new YamlTree(file, field + "[" + i + "]", sequence.getValue().get(i)));
    }
    return elements;
  }

  public boolean isScalar() {
    return node instanceof ScalarNode;
  }

  public String asString() {
    if (!(node instanceof ScalarNode scalar)) {
      throw error("must be a single value, was " + describe());
    }
    return scalar.getValue().trim();
  }

  /** A name for subjects, clusters and files: letters, digits, '-', '_' and '.'. */
  public String asName() {
    String value = asString();
    if (!value.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
      throw error("must be a name of letters, digits, '-', '_' or '.', was '" + value + "'");
    }
    return value;
  }

  public int asInt(int min, int max) {
    String value = asString();
    try {
      int number = Integer.parseInt(value);
      if (number < min || number > max) {
        throw error("must be from " + min + " to " + max + ", was " + number);
      }
      return number;
    } catch (NumberFormatException e) {
      throw error("must be a whole number from " + min + " to " + max + ", was '" + value + "'");
    }
  }

  public boolean asBoolean() {
    String value = asString();
    return switch (value) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw error("must be true or false, was '" + value + "'");
    };
  }

  /** One of {@code choices}, case-insensitive; returned as written in {@code choices}. */
  public String asChoice(String... choices) {
    String value = asString();
    for (String choice : choices) {
      if (choice.equalsIgnoreCase(value)) {
        return choice;
      }
    }
    throw error("must be one of " + String.join(", ", choices) + ", was '" + value + "'");
  }

  /** A duration such as {@code 500ms}, {@code 2s}, {@code 1.5m}, {@code 250us}. */
  public java.time.Duration asDuration() {
    String value = asString();
    return DurationText.parse(value)
        .orElseThrow(
            () ->
                error(
                    "must be a duration: a number and a unit of ns, us, ms, s, m or h, such as "
                        + DurationText.EXAMPLES
                        + ", was '"
                        + value
                        + "'"));
  }

  private String child(String key) {
    return field.isEmpty() ? key : field + "." + key;
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && scalar.getTag().getValue().endsWith(":null");
  }

  private String describe() {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return "'" + ((ScalarNode) node).getValue() + "'";
  }
}
