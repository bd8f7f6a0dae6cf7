package dev.meshcheck.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the command lines README.md shows: every line of a {@code bash}/{@code sh} code block, the
 * lines of an unlabelled code block that start with a program (unlabelled blocks also hold sample
 * output), and code quoted in a sentence that starts with a program and gives it arguments. Output
 * samples, YAML, Java and Gherkin are not commands.
 */
final class ReadmeCommands {
  /** What a command starts with; a path ending in {@code .sh} or {@code .ci/run} counts too. */
  private static final Set<String> PROGRAMS =
      Set.of(
          "java",
          "mvn",
          "bash",
          "sh",
          "docker",
          "kubectl",
          "curl",
          "nats",
          "nats-server",
          "go",
          "python3",
          "git",
          "make");

  private static final Set<String> SHELL_BLOCKS = Set.of("bash", "sh", "shell", "console");
  private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*([\\w-]*)\\s*$");
  private static final Pattern INLINE_CODE = Pattern.compile("`([^`]+)`");

  private ReadmeCommands() {}

  /** Every command {@code readme} shows, in the order it shows them. */
  static List<ReadmeCommand> in(Path readme) throws IOException {
    return in(Files.readAllLines(readme));
  }

  static List<ReadmeCommand> in(List<String> lines) {
    List<ReadmeCommand> commands = new ArrayList<>();
    List<String> paragraph = new ArrayList<>();
    int paragraphStart = 0;
    for (int i = 0; i < lines.size(); i++) {
      Matcher fence = FENCE.matcher(lines.get(i));
      if (fence.matches()) {
        inlineCommands(paragraph, paragraphStart, commands);
        paragraph.clear();
        int end = closingFence(lines, i);
        blockCommands(fence.group(1), lines.subList(i + 1, end), i + 2, commands);
        i = end;
      } else if (lines.get(i).isBlank()) {
        inlineCommands(paragraph, paragraphStart, commands);
        paragraph.clear();
      } else {
        if (paragraph.isEmpty()) {
          paragraphStart = i + 1;
        }
        paragraph.add(lines.get(i));
      }
    }
    inlineCommands(paragraph, paragraphStart, commands);
    return commands;
  }

  private static int closingFence(List<String> lines, int opening) {
    for (int i = opening + 1; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("```")) {
        return i;
      }
    }
    throw new IllegalStateException("README.md:" + (opening + 1) + ": code block never closed");
  }

  private static void blockCommands(
      String language, List<String> block, int firstLine, List<ReadmeCommand> commands) {
    boolean shell = SHELL_BLOCKS.contains(language);
    if (!shell && !language.isEmpty()) {
      return;
    }
    StringBuilder logical = new StringBuilder();
    int start = 0;
    for (int i = 0; i < block.size(); i++) {
      String line = withoutComment(block.get(i)).strip();
      if (logical.isEmpty()) {
        start = firstLine + i;
        line = line.startsWith("$ ") ? line.substring(2) : line;
      }
      boolean continues = line.endsWith("\\");
      logical.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
      if (!continues) {
        for (String command : logical.toString().split("&&")) {
          String text = collapse(command);
          if (!text.isEmpty() && (shell || startsWithProgram(text))) {
            commands.add(new ReadmeCommand(text, start, false));
          }
        }
        logical.setLength(0);
      }
    }
  }

  private static void inlineCommands(
      List<String> paragraph, int firstLine, List<ReadmeCommand> commands) {
    String text = String.join("\n", paragraph);
    Matcher code = INLINE_CODE.matcher(text);
    while (code.find()) {
      String span = collapse(code.group(1));
      if (startsWithProgram(span) && span.contains(" ")) {
        int line =
            firstLine
                + (int) text.substring(0, code.start()).chars().filter(c -> c == '\n').count();
        commands.add(new ReadmeCommand(span, line, true));
      }
    }
  }

  static boolean startsWithProgram(String command) {
    String program = command.split(" ", 2)[0];
    return PROGRAMS.contains(program) || program.endsWith(".sh") || program.equals(".ci/run");
  }

  /** The line without a shell comment ({@code #} at its start or after a space, outside quotes). */
  private static String withoutComment(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static String collapse(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }
}
