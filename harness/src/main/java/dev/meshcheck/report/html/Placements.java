package dev.meshcheck.report.html;

import dev.meshcheck.result.ConnectionPlacement;
import dev.meshcheck.result.PlacementOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a workload's connections sat and where its traffic went, as tables and a bar chart of the
 * per-member spread against the even share.
 */
final class Placements {
  private Placements() {}

  static String html(PlacementOutcome placement) {
    StringBuilder html = new StringBuilder();
    List<List<String>> links = new ArrayList<>();
    long total = placement.deliveriesByLink().values().stream().mapToLong(Long::longValue).sum();
    for (Map.Entry<String, Long> link : placement.deliveriesByLink().entrySet()) {
      links.add(
          List.of(link.getKey(), String.valueOf(link.getValue()), share(link.getValue(), total)));
    }
    html.append(
        Html.table(
            List.of("link crossed (sender node to receiver node)", "deliveries", "share"), links));
    List<List<String>> clusters = new ArrayList<>();
    placement
        .handledPerCluster()
        .forEach((cluster, n) -> clusters.add(List.of(cluster, String.valueOf(n))));
    html.append(Html.table(List.of("handled in cluster", "messages"), clusters));
    List<List<String>> connections = new ArrayList<>();
    for (ConnectionPlacement c : placement.connections()) {
      Long handled = placement.handledPerReceiver().get(c.connection());
      connections.add(
          List.of(
              c.connection(),
              c.role().name().toLowerCase(),
              c.node(),
              c.cluster(),
              handled == null ? "" : String.valueOf(handled)));
    }
    html.append(
        Html.table(List.of("connection", "role", "node", "cluster", "handled"), connections));
    html.append(spreadChart(placement));
    return html.toString();
  }

  private static String spreadChart(PlacementOutcome placement) {
    Map<String, Long> handled = placement.handledPerReceiver();
    if (handled.size() < 2) {
      return "";
    }
    long total = handled.values().stream().mapToLong(Long::longValue).sum();
    long max = Math.max(1, handled.values().stream().mapToLong(Long::longValue).max().orElse(1));
    int rowHeight = 22;
    int width = 760;
    int labelWidth = 120;
    int height = handled.size() * rowHeight + 40;
    double scale = (width - labelWidth - 90) / (double) max;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\""
                + " height=\"%d\" role=\"img\" aria-label=\"Per-member spread\"><title>Per-member spread</title>"
                + "<text x=\"%d\" y=\"16\" class=\"chart-title\">Per-member spread (Jain fairness %.3f)</text>",
            width, height, width, height, labelWidth, placement.fairness().jainIndex()));
    int i = 0;
    for (Map.Entry<String, Long> member : handled.entrySet()) {
      int y = 28 + i++ * rowHeight;
      svg.append(
          String.format(
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"11\">%s</text>"
                  + "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"#1f77b4\">"
                  + "<title>%s: %d (%s)</title></rect><text x=\"%.1f\" y=\"%d\" font-size=\"11\">%d (%s)</text>",
              labelWidth - 6,
              y + 11,
              Html.escape(member.getKey()),
              labelWidth,
              y,
              Math.max(1, member.getValue() * scale),
              Html.escape(member.getKey()),
              member.getValue(),
              share(member.getValue(), total),
              labelWidth + member.getValue() * scale + 4,
              y + 11,
              member.getValue(),
              share(member.getValue(), total)));
    }
    double even = labelWidth + (total / (double) handled.size()) * scale;
    svg.append(
        String.format(
            "<line x1=\"%.1f\" y1=\"24\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d62728\" stroke-dasharray=\"4 3\">"
                + "<title>even share</title></line></svg>",
            even, even, height - 6));
    return svg.toString();
  }

  private static String share(long part, long total) {
    return total == 0 ? "-" : String.format("%.1f%%", 100.0 * part / total);
  }
}
