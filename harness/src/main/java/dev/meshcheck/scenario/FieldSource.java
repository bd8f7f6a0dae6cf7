package dev.meshcheck.scenario;

import java.nio.file.Path;

/**
 * Where a value was written, so that a problem found later (when the value meets a topology) still
 * names the file, line and field.
 */
public record FieldSource(Path file, int line, String field) {
  static FieldSource of(YamlTree tree) {
    return new FieldSource(tree.file(), tree.line(), tree.field());
  }

  public BadInputException error(String problem) {
    return new BadInputException(file, line, field, problem);
  }
}
