package dev.meshcheck.scenario;

import java.nio.file.Path;

/**
 * A user's input file is wrong. The message names the file, the line, the field and what would be
 * valid, so it can be printed as it is, without a stack trace (the CLI exits with code 2).
 */
public final class BadInputException extends RuntimeException {
  private final Path file;
  private final int line;
  private final String field;

  /**
   * @param line 1-based line number, or 0 when the problem is not tied to a line
   * @param field dotted path of the field ({@code clusters[1].nodes}), or empty for the file itself
   */
  public BadInputException(Path file, int line, String field, String problem) {
    super(format(file, line, field, problem));
    this.file = file;
    this.line = line;
    this.field = field;
  }

  public Path file() {
    return file;
  }

  public int line() {
    return line;
  }

  public String field() {
    return field;
  }

  private static String format(Path file, int line, String field, String problem) {
    StringBuilder text = new StringBuilder().append(file);
    if (line > 0) {
      text.append(':').append(line);
    }
    text.append(": ");
    if (!field.isEmpty()) {
      text.append("field '").append(field).append("': ");
    }
    return text.append(problem).toString();
  }
}
