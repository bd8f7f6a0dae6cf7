package dev.meshcheck.steps;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The mutation catalogue as Markdown: per area caught / tried, then one row per breakage. */
final class MutationTable {
  private MutationTable() {}

  static String markdown(List<MutationOutcome> outcomes) {
    StringBuilder md =
        new StringBuilder("# Mutation catalogue\n\n| area | caught / tried |\n|---|---|\n");
    Map<String, int[]> byArea = new TreeMap<>();
    for (MutationOutcome outcome : outcomes) {
      int[] counts = byArea.computeIfAbsent(outcome.mutation().area(), a -> new int[2]);
      counts[0] += outcome.caught() ? 1 : 0;
      counts[1]++;
    }
    byArea.forEach(
        (area, c) ->
            md.append("| ")
                .append(area)
                .append(" | ")
                .append(c[0])
                .append(" / ")
                .append(c[1])
                .append(" |\n"));
    md.append(
        "\n| area | breakage | scenario | answer | caught by | ms |\n|---|---|---|---|---|---|\n");
    for (MutationOutcome outcome : outcomes) {
      Mutation m = outcome.mutation();
      md.append(
          String.format(
              "| %s | %s | %s: %s | %s | %s | %d |%n",
              m.area(),
              m.breakage(),
              m.feature(),
              m.scenario().replace('|', '/'),
              outcome.answer() == null ? "ESCAPED" : outcome.answer(),
              outcome.caughtBy(),
              outcome.millis()));
    }
    return md.toString();
  }
}
