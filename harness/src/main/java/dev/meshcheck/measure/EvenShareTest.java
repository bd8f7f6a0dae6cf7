package dev.meshcheck.measure;

import java.util.List;

/**
 * Pearson's chi-square goodness-of-fit test of counts against an even share: how likely a fair
 * random choice among the members would spread the work at least this unevenly. A check that fails
 * below a p-value of {@code alpha} raises a false alarm on a fair mesh with probability {@code
 * alpha}, so a suite of k such checks raises one with probability about k x alpha.
 *
 * <pre>{@code
 * EvenShareTest.Result r = EvenShareTest.of(List.of(190L, 205L, 205L)); // r.pValue() ~ 0.71
 * }</pre>
 *
 * @param chiSquare the statistic: sum over members of (count - even)^2 / even
 * @param degreesOfFreedom members - 1
 * @param pValue the probability of a statistic at least this large under an even share
 */
public record EvenShareTest(double chiSquare, int degreesOfFreedom, double pValue) {
  private static final int MAX_ITERATIONS = 1_000;
  private static final double EPSILON = 1e-15;

  /**
   * @param counts work done per member; at least two members and some work
   */
  public static EvenShareTest of(List<Long> counts) {
    if (counts.size() < 2) {
      throw new IllegalArgumentException(
          "an even share needs at least two members, got " + counts.size());
    }
    double total = counts.stream().mapToDouble(Long::doubleValue).sum();
    if (total <= 0) {
      throw new IllegalArgumentException("an even share needs some work, got none: " + counts);
    }
    double even = total / counts.size();
    double chiSquare = 0;
    for (long count : counts) {
      chiSquare += (count - even) * (count - even) / even;
    }
    int degrees = counts.size() - 1;
    return new EvenShareTest(
        chiSquare, degrees, upperRegularizedGamma(degrees / 2.0, chiSquare / 2));
  }

  /** Q(s, x) = Gamma(s, x) / Gamma(s): the chi-square survival function at 2x for 2s degrees. */
  static double upperRegularizedGamma(double s, double x) {
    if (x <= 0) {
      return 1;
    }
    return x < s + 1 ? 1 - lowerSeries(s, x) : upperContinuedFraction(s, x);
  }

  /** P(s, x) by its series, which converges fast for x < s + 1. */
  private static double lowerSeries(double s, double x) {
    double term = 1 / s;
    double sum = term;
    for (int n = 1; n < MAX_ITERATIONS && Math.abs(term) > Math.abs(sum) * EPSILON; n++) {
      term *= x / (s + n);
      sum += term;
    }
    return sum * Math.exp(-x + s * Math.log(x) - logGamma(s));
  }

  /** Q(s, x) by Lentz's continued fraction, which converges fast for x >= s + 1. */
  private static double upperContinuedFraction(double s, double x) {
    double tiny = 1e-300;
    double b = x + 1 - s;
    double c = 1 / tiny;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < MAX_ITERATIONS; i++) {
      double an = -i * (i - s);
      b += 2;
      d = an * d + b;
      d = Math.abs(d) < tiny ? tiny : d;
      c = b + an / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPSILON) {
        break;
      }
    }
    return Math.exp(-x + s * Math.log(x) - logGamma(s)) * h;
  }

  /** ln Gamma(s) by the Lanczos approximation (g = 7, 9 terms; ~15 digits for s > 0). */
  static double logGamma(double s) {
    double[] c = {
      0.99999999999980993,
      676.5203681218851,
      -1259.1392167224028,
      771.32342877765313,
      -176.61502916214059,
      12.507343278686905,
      -0.13857109526572012,
      9.9843695780195716e-6,
      1.5056327351493116e-7
    };
    if (s < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * s))) - logGamma(1 - s);
    }
    double z = s - 1;
    double sum = c[0];
    for (int i = 1; i < c.length; i++) {
      sum += c[i] / (z + i);
    }
    double t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }
}
