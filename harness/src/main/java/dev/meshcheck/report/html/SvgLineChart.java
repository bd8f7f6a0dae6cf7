package dev.meshcheck.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG: no script, no font or file to fetch, so a report opens offline and
 * renders the same everywhere. Axes are linear or logarithmic; each series is a polyline whose
 * points carry a tooltip ({@code <title>}); markers draw labelled vertical lines (events).
 *
 * <pre>{@code
 * String svg = new SvgLineChart("Latency by percentile", Axis.percentile(), Axis.micros())
 *     .series("latency", points)
 *     .render();
 * }</pre>
 *
 * Not thread-safe; build one per chart.
 */
final class SvgLineChart {
  static final String[] COLORS = {
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"
  };
  private static final int WIDTH = 760;
  private static final int HEIGHT = 320;
  private static final int LEFT = 72;
  private static final int RIGHT = 16;
  private static final int TOP = 34;
  private static final int BOTTOM = 44;

  private final String title;
  private final Axis x;
  private final Axis y;
  private final List<Series> series = new ArrayList<>();
  private final List<Marker> markers = new ArrayList<>();

  /** One line: points as {x, y} in the axes' units, each with its tooltip text. */
  record Series(String name, List<double[]> points, List<String> tooltips) {}

  /** A vertical line at {@code x}, such as a fault injected during the run. */
  record Marker(double x, String label) {}

  SvgLineChart(String title, Axis x, Axis y) {
    this.title = title;
    this.x = x;
    this.y = y;
  }

  SvgLineChart series(String name, List<double[]> points, List<String> tooltips) {
    series.add(new Series(name, points, tooltips));
    return this;
  }

  SvgLineChart marker(double atX, String label) {
    markers.add(new Marker(atX, label));
    return this;
  }

  String render() {
    Axis.Range xRange =
        x.range(series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[0]));
    Axis.Range yRange =
        y.range(series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[1]));
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
                + " width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT,
            Html.escape(title)));
    svg.append("<title>").append(Html.escape(title)).append("</title>");
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"20\" class=\"chart-title\">%s</text>",
            LEFT,
            Html.escape(title)));
    grid(svg, xRange, yRange);
    for (int i = 0; i < markers.size(); i++) {
      Marker marker = markers.get(i);
      double px = px(marker.x(), xRange);
      svg.append(
          String.format(
              Locale.ROOT,
              "<g class=\"marker\"><line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#555\""
                  + " stroke-dasharray=\"4 3\"/><text x=\"%.1f\" y=\"%d\" class=\"marker-label\">%s</text>"
                  + "<title>%s</title></g>",
              px,
              TOP,
              px,
              HEIGHT - BOTTOM,
              px + 3,
              TOP + 10 + (i % 3) * 12, // faults close together: labels on three rows
              Html.escape(marker.label()),
              Html.escape(marker.label())));
    }
    for (int i = 0; i < series.size(); i++) {
      line(svg, series.get(i), COLORS[i % COLORS.length], xRange, yRange);
    }
    legend(svg);
    return svg.append("</svg>").toString();
  }

  private void grid(StringBuilder svg, Axis.Range xRange, Axis.Range yRange) {
    svg.append("<g class=\"axes\" stroke=\"#ccc\" font-size=\"11\">");
    for (Axis.Tick tick : x.ticks(xRange)) {
      double px = px(tick.value(), xRange);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
              px,
              TOP,
              px,
              HEIGHT - BOTTOM));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" stroke=\"none\" fill=\"#333\">%s</text>",
              px,
              HEIGHT - BOTTOM + 16,
              Html.escape(tick.label())));
    }
    for (Axis.Tick tick : y.ticks(yRange)) {
      double py = py(tick.value(), yRange);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
              LEFT,
              py,
              WIDTH - RIGHT,
              py));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" stroke=\"none\" fill=\"#333\">%s</text>",
              LEFT - 6,
              py + 4,
              Html.escape(tick.label())));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" stroke=\"none\" fill=\"#333\">%s</text>",
            LEFT + (WIDTH - LEFT - RIGHT) / 2,
            HEIGHT - 8,
            Html.escape(x.label())));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\""
                + " stroke=\"none\" fill=\"#333\">%s</text>",
            TOP + (HEIGHT - TOP - BOTTOM) / 2,
            TOP + (HEIGHT - TOP - BOTTOM) / 2,
            Html.escape(y.label())));
    svg.append("</g>");
  }

  private void line(
      StringBuilder svg, Series s, String color, Axis.Range xRange, Axis.Range yRange) {
    if (s.points().isEmpty()) {
      return;
    }
    StringBuilder path = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    for (int i = 0; i < s.points().size(); i++) {
      double[] p = s.points().get(i);
      double px = px(p[0], xRange);
      double py = py(p[1], yRange);
      path.append(i == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
      if (i < s.tooltips().size() && !s.tooltips().get(i).isEmpty()) {
        dots.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s</title></circle>",
                px,
                py,
                color,
                Html.escape(s.name() + ": " + s.tooltips().get(i))));
      }
    }
    svg.append(
        String.format(
            "<g class=\"series\" data-series=\"%s\"><path d=\"%s\" fill=\"none\" stroke=\"%s\""
                + " stroke-width=\"1.8\"><title>%s</title></path>%s</g>",
            Html.escape(s.name()), path, color, Html.escape(s.name()), dots));
  }

  private void legend(StringBuilder svg) {
    int lx = LEFT + 8;
    int ly = TOP + 14;
    for (int i = 0; i < series.size(); i++) {
      String color = COLORS[i % COLORS.length];
      svg.append(
          String.format(
              Locale.ROOT,
              "<g class=\"legend\"><rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/>"
                  + "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#333\">%s</text></g>",
              lx,
              ly + i * 15 - 4,
              color,
              lx + 16,
              ly + i * 15,
              Html.escape(series.get(i).name())));
    }
  }

  private double px(double value, Axis.Range range) {
    return LEFT + range.fraction(value) * (WIDTH - LEFT - RIGHT);
  }

  private double py(double value, Axis.Range range) {
    return HEIGHT - BOTTOM - range.fraction(value) * (HEIGHT - TOP - BOTTOM);
  }
}
