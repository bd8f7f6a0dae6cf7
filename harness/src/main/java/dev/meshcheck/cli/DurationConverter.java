package dev.meshcheck.cli;

import dev.meshcheck.scenario.DurationText;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an option's duration as scenario files write it: {@code 500ms}, {@code 2s}, {@code 1m}. */
final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String text) {
    return DurationText.parse(text)
        .orElseThrow(
            () ->
                new TypeConversionException(
                    "must be a duration such as "
                        + DurationText.EXAMPLES
                        + ", was '"
                        + text
                        + "'"));
  }
}
