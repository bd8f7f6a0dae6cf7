package dev.meshcheck.report.html;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The percentile spectrum of a nanosecond histogram as chart points: x = 1/(1-p) from 50% to as far
 * into the tail as the sample count supports (at most 99.999%, then the maximum), y in
 * microseconds.
 */
final class Spectrum {
  private static final double[] MARKED = {50, 90, 99, 99.9, 99.99, 99.999};

  private Spectrum() {}

  /** Points {x, y}; the marked percentiles (50, 90, 99, ...) get tooltips, the rest none. */
  static SvgLineChart.Series of(String name, Histogram nanos) {
    List<double[]> points = new ArrayList<>();
    List<String> tooltips = new ArrayList<>();
    long count = nanos.getTotalCount();
    if (count == 0) {
      return new SvgLineChart.Series(name, points, tooltips);
    }
    // The deepest percentile with at least one sample beyond it; past it the curve is the max.
    double deepest = Math.min(99.999, 100 * (1 - 1.0 / count));
    // x = 1/(1-p) at 2 (50%), then 20 steps a decade (10 = 90%, 100 = 99%, ...) into the tail.
    for (int step = 6; ; step++) {
      double x = step == 6 ? 2 : Math.pow(10, step / 20.0);
      double percentile = Math.min(100 * (1 - 1 / x), deepest);
      points.add(
          new double[] {
            1 / (1 - percentile / 100), micros(nanos.getValueAtPercentile(percentile))
          });
      tooltips.add(marked(percentile));
      if (percentile >= deepest) {
        break;
      }
    }
    points.add(new double[] {1 / (1 - deepest / 100) * 1.0001, micros(nanos.getMaxValue())});
    tooltips.add("max " + Axis.durationLabel(micros(nanos.getMaxValue())));
    for (int i = 0; i < points.size(); i++) {
      if (!tooltips.get(i).isEmpty() && !tooltips.get(i).startsWith("max")) {
        tooltips.set(i, tooltips.get(i) + " " + Axis.durationLabel(points.get(i)[1]));
      }
    }
    return new SvgLineChart.Series(name, points, tooltips);
  }

  private static String marked(double percentile) {
    for (double mark : MARKED) {
      if (Math.abs(percentile - mark) < 1e-6) {
        return Axis.percentileLabel(1 / (1 - mark / 100));
      }
    }
    return "";
  }

  private static double micros(long nanos) {
    return Math.max(1, nanos / 1000.0);
  }
}
