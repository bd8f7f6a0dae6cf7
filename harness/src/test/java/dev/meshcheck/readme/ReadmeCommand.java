package dev.meshcheck.readme;

/**
 * A command line shown in README.md, its whitespace collapsed and continuation lines joined.
 *
 * @param text the command as README shows it, such as {@code java -jar harness/target/meshcheck.jar
 *     steps}
 * @param line the 1-based line of README where it starts
 * @param inline true for a command quoted in a sentence, false for one in a code block
 */
record ReadmeCommand(String text, int line, boolean inline) {
  @Override
  public String toString() {
    return "README.md:" + line + ": " + text;
  }
}
