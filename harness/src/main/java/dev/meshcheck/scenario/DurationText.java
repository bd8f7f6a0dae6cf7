package dev.meshcheck.scenario;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users write them, in scenario files and on the command line: a number and a unit,
 * {@code 250us}, {@code 2ms}, {@code 1.5s}, {@code 1m}.
 */
public final class DurationText {
  /** For messages: what a valid duration looks like. */
  public static final String EXAMPLES = "250us, 2ms, 5s or 1m";

  private static final Pattern DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|h)");

  private DurationText() {}

  /** The duration {@code text} names, or empty when it is not a number with a unit. */
  public static Optional<Duration> parse(String text) {
    Matcher matcher = DURATION.matcher(text.trim());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    double amount = Double.parseDouble(matcher.group(1));
    double nanosPerUnit =
        switch (matcher.group(2)) {
          case "ns" -> 1;
          case "us", "µs" -> 1e3;
          case "ms" -> 1e6;
          case "s" -> 1e9;
          case "m" -> 60e9;
          default -> 3600e9;
        };
    return Optional.of(Duration.ofNanos(Math.round(amount * nanosPerUnit)));
  }
}
