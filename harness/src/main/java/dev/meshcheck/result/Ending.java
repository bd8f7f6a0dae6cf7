package dev.meshcheck.result;

import java.util.List;

/**
 * How a run ended beyond its figures.
 *
 * @param interrupted stopped by the user (Ctrl-C) before its phases ended
 * @param problems what went wrong on the way, in plain words; empty for a run that went through
 */
public record Ending(boolean interrupted, List<String> problems) {
  public Ending {
    problems = List.copyOf(problems);
  }

  public static Ending normal() {
    return new Ending(false, List.of());
  }
}
