package dev.meshcheck.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How one README command is kept honest: run by {@code ReadmeCommandsIT}, or mapped elsewhere. */
sealed interface Coverage {
  /** The command exactly as README shows it (whitespace collapsed, continuations joined). */
  String command();

  /** Where a run command runs. */
  enum Folder {
    /** The repository root, as README's commands say. */
    CHECKOUT,
    /** A fresh folder holding only {@code meshcheck.jar}: the jar outside a checkout. */
    OUTSIDE
  }

  /** Text of the README command and what the test runs instead (a value for a placeholder). */
  record Replacement(String shown, String run) {}

  /**
   * How a command is started.
   *
   * @param holds the command runs until Ctrl-C ({@code up}): once it printed its line it is left
   *     running for the commands after it, and stopped with SIGINT at the end
   * @param needsDocker skipped, saying so, where Docker does not answer (as the containers tests)
   */
  record Launch(Folder folder, boolean holds, boolean needsDocker) {}

  /**
   * {@code ReadmeCommandsIT} runs the command: placeholders and optional parts replaced as listed,
   * optional parts left unlisted dropped, short-run options appended; it checks the exit code and
   * that one line of the output matches {@code prints}.
   */
  record Runs(
      String command,
      List<Replacement> replacements,
      List<String> added,
      Launch launch,
      List<Integer> exits,
      String prints)
      implements Coverage {
    static final Pattern OPTIONAL = Pattern.compile("\\s*\\[[^\\]]*\\]");
    static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    Runs replacing(String shown, String run) {
      List<Replacement> more = new ArrayList<>(replacements);
      more.add(new Replacement(shown, run));
      return new Runs(command, more, added, launch, exits, prints);
    }

    Runs adding(String... arguments) {
      List<String> more = new ArrayList<>(added);
      more.addAll(List.of(arguments));
      return new Runs(command, replacements, more, launch, exits, prints);
    }

    Runs outsideCheckout() {
      Launch outside = new Launch(Folder.OUTSIDE, launch.holds(), launch.needsDocker());
      return new Runs(command, replacements, added, outside, exits, prints);
    }

    /** Held until Ctrl-C, after which it must exit 130 (128 + SIGINT). */
    Runs holdsUntilCtrlC() {
      Launch held = new Launch(launch.folder(), true, launch.needsDocker());
      return new Runs(command, replacements, added, held, List.of(130), prints);
    }

    Runs needsDocker() {
      Launch docker = new Launch(launch.folder(), launch.holds(), true);
      return new Runs(command, replacements, added, docker, exits, prints);
    }

    Runs exits(Integer... codes) {
      return new Runs(command, replacements, added, launch, List.of(codes), prints);
    }

    /**
     * @param line a regular expression that some line of stdout or stderr must contain
     */
    Runs prints(String line) {
      return new Runs(command, replacements, added, launch, exits, line);
    }

    /** The arguments the test runs, with {@code {variables}} still to be filled in. */
    List<String> arguments() {
      String text = command;
      for (Replacement replacement : replacements) {
        text = text.replace(replacement.shown(), replacement.run());
      }
      List<String> arguments = shellWords(OPTIONAL.matcher(text).replaceAll(""));
      arguments.addAll(added);
      return arguments;
    }

    /** The variables ({@code {tmp}}) the arguments use. */
    List<String> variables() {
      List<String> names = new ArrayList<>();
      for (String argument : arguments()) {
        Matcher variable = VARIABLE.matcher(argument);
        while (variable.find()) {
          names.add(variable.group(1));
        }
      }
      return names;
    }

    /** Words as a shell splits them: at spaces outside quotes, the quotes removed. */
    static List<String> shellWords(String text) {
      List<String> words = new ArrayList<>();
      StringBuilder word = new StringBuilder();
      char quote = 0;
      boolean inWord = false;
      for (char c : text.toCharArray()) {
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          } else {
            word.append(c);
          }
        } else if (c == '"' || c == '\'') {
          quote = c;
          inWord = true;
        } else if (c == ' ') {
          if (inWord) {
            words.add(word.toString());
            word.setLength(0);
            inWord = false;
          }
        } else {
          word.append(c);
          inWord = true;
        }
      }
      if (inWord) {
        words.add(word.toString());
      }
      return words;
    }
  }

  /**
   * Another test (or CI's entry point) runs the command, or the part of it that can run here.
   *
   * @param file the test class or script, relative to the repository root
   * @param keyArguments what the command and that file must both contain
   * @param reason why ReadmeCommandsIT does not run it itself
   */
  record MappedTo(String command, String file, List<String> keyArguments, String reason)
      implements Coverage {}

  /**
   * A command named in a sentence as what the harness does or what cannot work, not one a reader is
   * asked to type; only allowed for commands quoted in a sentence, never for a code block.
   */
  record Mention(String command, String reason) implements Coverage {}

  static Runs runs(String command) {
    return new Runs(
        command, List.of(), List.of(), new Launch(Folder.CHECKOUT, false, false), List.of(0), "");
  }

  static MappedTo mappedTo(String command, String file, String reason, String... keyArguments) {
    return new MappedTo(command, file, List.of(keyArguments), reason);
  }

  static Mention mention(String command, String reason) {
    return new Mention(command, reason);
  }
}
