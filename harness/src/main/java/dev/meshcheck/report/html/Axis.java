package dev.meshcheck.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.stream.DoubleStream;

/**
 * One axis of a {@link SvgLineChart}: linear or logarithmic, with its label and how tick values are
 * written. The percentile axis plots {@code 1 / (1 - p)} on a log scale, as HdrHistogram's plotter
 * does, so that 90%, 99%, 99.9% ... sit one decade apart.
 */
record Axis(String label, boolean logarithmic, DoubleFunction<String> format, double floor) {

  /** A tick: where, and what it says. */
  record Tick(double value, String label) {}

  /** The span the data covers, in axis units. */
  record Range(double min, double max, boolean logarithmic) {
    double fraction(double value) {
      if (logarithmic) {
        double v = Math.log10(Math.max(value, min));
        return (v - Math.log10(min)) / Math.max(1e-9, Math.log10(max) - Math.log10(min));
      }
      return (value - min) / Math.max(1e-9, max - min);
    }
  }

  /** x = 1/(1-p) from 50% to 99.999%. */
  static Axis percentile() {
    return new Axis("percentile", true, Axis::percentileLabel, 2);
  }

  /** Microseconds on a log scale, labelled µs, ms, s. */
  static Axis micros(String label) {
    return new Axis(label, true, Axis::durationLabel, 1);
  }

  static Axis seconds(String label) {
    return new Axis(label, false, v -> String.format(Locale.ROOT, "%.0f s", v), 0);
  }

  static Axis perSecond(String label) {
    return new Axis(label, false, Axis::countLabel, 0);
  }

  Range range(DoubleStream values) {
    double[] all = values.toArray();
    double min = DoubleStream.of(all).min().orElse(floor);
    double max = DoubleStream.of(all).max().orElse(floor + 1);
    if (logarithmic) {
      double low = Math.pow(10, Math.floor(Math.log10(Math.max(floor, min))));
      double high = Math.pow(10, Math.ceil(Math.log10(Math.max(low * 10, max))));
      return new Range(Math.max(floor, low), high, true);
    }
    double low = Math.min(0, min);
    double step = niceStep((max - low) / 5);
    return new Range(low, Math.max(step, Math.ceil(max / step) * step), false);
  }

  List<Tick> ticks(Range range) {
    List<Tick> ticks = new ArrayList<>();
    if (logarithmic) {
      // The floor (2 = 50% on the percentile axis) and then every decade above it.
      ticks.add(new Tick(range.min(), format.apply(range.min())));
      for (double v = Math.pow(10, Math.ceil(Math.log10(range.min()) + 1e-9));
          v <= range.max() * 1.0001;
          v *= 10) {
        ticks.add(new Tick(v, format.apply(v)));
      }
      return ticks;
    }
    double step = niceStep((range.max() - range.min()) / 5);
    for (double v = range.min(); v <= range.max() + step / 1000; v += step) {
      ticks.add(new Tick(v, format.apply(v)));
    }
    return ticks;
  }

  private static double niceStep(double rough) {
    if (rough <= 0) {
      return 1;
    }
    double decade = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * decade >= rough) {
        return m * decade;
      }
    }
    return 10 * decade;
  }

  /** 2 -> 50%, 10 -> 90%, 1000 -> 99.9%. */
  static String percentileLabel(double oneOverTail) {
    double percent = 100 * (1 - 1 / oneOverTail);
    String text =
        String.format(Locale.ROOT, "%.5f", percent).replaceAll("0+$", "").replaceAll("\\.$", "");
    return text + "%";
  }

  static String durationLabel(double micros) {
    if (micros >= 1_000_000) {
      return trim(micros / 1_000_000) + " s";
    }
    if (micros >= 1000) {
      return trim(micros / 1000) + " ms";
    }
    return trim(micros) + " µs";
  }

  static String countLabel(double value) {
    if (Math.abs(value) >= 1_000_000) {
      return trim(value / 1_000_000) + "M";
    }
    if (Math.abs(value) >= 1000) {
      return trim(value / 1000) + "k";
    }
    return trim(value);
  }

  private static String trim(double value) {
    return String.format(Locale.ROOT, "%.1f", value).replaceAll("\\.0$", "");
  }
}
