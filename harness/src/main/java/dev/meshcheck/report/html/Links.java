package dev.meshcheck.report.html;

import dev.meshcheck.compare.MatrixTable;
import java.util.stream.Collectors;

/** Which links a topology's traffic crossed: by placement, and by the servers' own counters. */
final class Links {
  private Links() {}

  static String describe(MatrixTable.Column column) {
    String crossed = String.join(", ", column.deliveriesByLink().keySet());
    String servers =
        column.serverLinkMessages().entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .map(e -> e.getKey() + " " + Html.number(e.getValue()))
            .collect(Collectors.joining(", "));
    return (crossed.isEmpty() ? "-" : crossed)
        + (servers.isEmpty() ? "" : "; server link msgs: " + servers);
  }
}
