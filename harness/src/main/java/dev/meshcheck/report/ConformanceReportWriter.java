package dev.meshcheck.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link ConformanceReport} as {@code conformance.json} and a readable {@code
 * conformance-summary.md} into a folder. Stateless.
 */
public final class ConformanceReportWriter {
  public static final String JSON_FILE = "conformance.json";
  public static final String SUMMARY_FILE = "conformance-summary.md";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ConformanceReportWriter() {}

  public static void write(ConformanceReport report, Path folder) {
    try {
      Files.createDirectories(folder);
      JSON.writeValue(folder.resolve(JSON_FILE).toFile(), report);
      Files.writeString(folder.resolve(SUMMARY_FILE), summary(report));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the conformance report to " + folder, e);
    }
  }

  /** Reads a report written by {@link #write}. */
  public static ConformanceReport read(Path folder) {
    try {
      return JSON.readValue(folder.resolve(JSON_FILE).toFile(), ConformanceReport.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder.resolve(JSON_FILE), e);
    }
  }

  static String summary(ConformanceReport report) {
    StringBuilder md = new StringBuilder("# Conformance\n\n");
    if (ConformanceReport.PARTIAL.equals(report.status())) {
      md.append("**Partial**: the run did not finish; these are the scenarios it completed.\n\n");
    }
    if (!report.interrupted().isEmpty()) {
      md.append(
          String.format(
              "Stopped (Ctrl-C): %d scenario(s) did not run to their end and are not counted:%n",
              report.interrupted().size()));
      report.interrupted().forEach(s -> md.append("- ").append(s).append('\n'));
      md.append('\n');
    }
    md.append(
        String.format(
            "%d passed, %d failed, %d skipped in %.1f s. Server %s, backend %s, topologies %s.%n%n",
            report.passed(),
            report.failed(),
            report.skipped(),
            report.durationMillis() / 1000.0,
            report.serverVersions(),
            report.backends(),
            report.topologies()));
    md.append("| area | passed | failed | skipped |\n|---|---|---|---|\n");
    for (ConformanceArea area : report.areas()) {
      md.append(
          String.format(
              "| %s | %d | %d | %d |%n",
              area.area(), area.passed(), area.failed(), area.skipped()));
    }
    appendFigures(md, report);
    for (ConformanceArea area : report.areas()) {
      md.append("\n## ").append(area.area()).append("\n\n");
      for (ConformanceScenario s : area.scenarios()) {
        md.append("- **")
            .append(s.status())
            .append("** ")
            .append(s.name())
            .append(" (")
            .append(s.feature())
            .append(':')
            .append(s.line())
            .append(s.topology().isEmpty() ? "" : ", " + s.topology())
            .append(")");
        if (!s.failedStep().isEmpty()) {
          md.append(" at ").append(s.failedStep());
        }
        if (!s.reason().isEmpty()) {
          md.append(": ").append(s.reason());
        }
        md.append('\n');
        s.figures().forEach(f -> md.append("  - ").append(f.describe()).append('\n'));
      }
    }
    return md.toString();
  }

  /** One line per kind of figure over the whole run: how many values, median and max. */
  private static void appendFigures(StringBuilder md, ConformanceReport report) {
    Map<String, List<Long>> valuesByFigure = new TreeMap<>();
    Map<String, String> unitByFigure = new TreeMap<>();
    report.areas().stream()
        .flatMap(a -> a.scenarios().stream())
        .flatMap(s -> s.figures().stream())
        .forEach(
            f -> {
              valuesByFigure
                  .computeIfAbsent(f.name(), n -> new ArrayList<>())
                  .addAll(f.byItem().values());
              unitByFigure.put(f.name(), f.unit());
            });
    if (valuesByFigure.isEmpty()) {
      return;
    }
    md.append("\n| figure | values | median | max |\n|---|---|---|---|\n");
    valuesByFigure.forEach(
        (name, values) -> {
          List<Long> sorted = values.stream().sorted().toList();
          String unit = unitByFigure.get(name);
          md.append(
              String.format(
                  "| %s | %d | %d %s | %d %s |%n",
                  name,
                  sorted.size(),
                  sorted.get((sorted.size() - 1) / 2),
                  unit,
                  sorted.get(sorted.size() - 1),
                  unit));
        });
  }
}
