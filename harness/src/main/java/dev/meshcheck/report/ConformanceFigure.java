package dev.meshcheck.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * A figure a conformance scenario measured, per item: for example the reconnect time of each client
 * that lost its node, in milliseconds.
 *
 * @param name what was measured ({@code "reconnect"})
 * @param unit the unit of every value ({@code "ms"})
 * @param byItem one value per item (client, member, ...), sorted by item
 */
public record ConformanceFigure(String name, String unit, Map<String, Long> byItem) {
  public ConformanceFigure {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, was '" + name + "'");
    }
    if (unit == null || unit.isBlank()) {
      throw new IllegalArgumentException("unit must not be blank, was '" + unit + "'");
    }
    if (byItem == null || byItem.isEmpty()) {
      throw new IllegalArgumentException("figure '" + name + "' needs at least one value");
    }
    byItem = java.util.Collections.unmodifiableMap(new TreeMap<>(byItem));
  }

  /** The largest value. */
  public long max() {
    return byItem.values().stream().mapToLong(Long::longValue).max().orElseThrow();
  }

  /** {@code reconnect: back 105 ms, client-node-2 98 ms}. */
  public String describe() {
    StringBuilder text = new StringBuilder(name).append(": ");
    byItem.forEach(
        (item, value) ->
            text.append(item).append(' ').append(value).append(' ').append(unit).append(", "));
    return text.substring(0, text.length() - 2);
  }
}
