package dev.meshcheck.scenario;

import java.nio.file.Path;

/**
 * The user's input is wrong: a file, a command-line option or an environment setting. The message
 * names where (file, line and field, or the option) and what would be valid, so it can be printed
 * as it is, without a stack trace (the CLI exits with code 2).
 *
 * <pre>{@code
 * throw new BadInputException(file, 4, "clusters[0].nodes", "must be from 1 to 15, was 99");
 * throw BadInputException.option("--shard", "must be i/N with 0 <= i < N (such as 0/3), was '3/2'");
 * }</pre>
 *
 * A programming error is never one of these: it stays an {@link IllegalArgumentException} or {@link
 * IllegalStateException}, which the CLI reports with its stack trace and exit code 1.
 */
public final class BadInputException extends RuntimeException {
  private BadInputException(String message) {
    super(message);
  }

  /**
   * @param line 1-based line number, or 0 when the problem is not tied to a line
   * @param field dotted path of the field ({@code clusters[1].nodes}), or empty for the file itself
   */
  public BadInputException(Path file, int line, String field, String problem) {
    this(format(file, line, field, problem));
  }

  /**
   * A command-line option or argument, or the environment variable or system property that stands
   * for one, is wrong: {@code --backend: unknown backend 'k8s'; valid: auto, ...}.
   *
   * @param name as the user wrote it: {@code --out}, {@code MESHCHECK_NATS_SERVER}
   */
  public static BadInputException option(String name, String problem) {
    return new BadInputException(name + ": " + problem);
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
