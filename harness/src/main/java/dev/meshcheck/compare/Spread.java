package dev.meshcheck.compare;

import java.util.List;

/**
 * One figure over repeated runs: its smallest, median and largest value. Two spreads that do not
 * overlap differ by more than the runs' own noise.
 */
public record Spread(double min, double median, double max, int count) {

  public static Spread of(List<Double> values) {
    if (values.isEmpty()) {
      return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Spread(sorted.get(0), median, sorted.get(n - 1), n);
  }

  /** True when the two ranges do not overlap (with one run each, when the values differ). */
  public boolean separateFrom(Spread other) {
    return max < other.min || other.max < min;
  }

  /** This median over {@code other}'s; NaN when {@code other}'s is 0. */
  public double ratioTo(Spread other) {
    return other.median == 0 ? Double.NaN : median / other.median;
  }
}
