package dev.meshcheck.measure;

import java.util.Collection;

/**
 * How evenly a queue group shared its work.
 *
 * @param jainIndex Jain's fairness index: 1.0 when all members handled the same count, 1/n when one
 *     member handled everything
 * @param maxDeviationFromEvenShare the largest relative distance of any member from total/n (0.1 =
 *     10%)
 * @param minShare the smallest member's share of the total (0..1)
 * @param maxShare the largest member's share of the total (0..1)
 */
public record Fairness(
    double jainIndex, double maxDeviationFromEvenShare, double minShare, double maxShare) {

  /** The fairness of {@code counts}; all zeros (or none) count as perfectly fair. */
  public static Fairness of(Collection<Long> counts) {
    int n = counts.size();
    double sum = counts.stream().mapToDouble(Long::doubleValue).sum();
    if (n == 0 || sum == 0) {
      return new Fairness(1, 0, n == 0 ? 0 : 1.0 / n, n == 0 ? 0 : 1.0 / n);
    }
    double sumOfSquares = counts.stream().mapToDouble(c -> (double) c * c).sum();
    double even = sum / n;
    double maxDeviation =
        counts.stream().mapToDouble(c -> Math.abs(c - even) / even).max().orElse(0);
    double min = counts.stream().mapToDouble(Long::doubleValue).min().orElse(0) / sum;
    double max = counts.stream().mapToDouble(Long::doubleValue).max().orElse(0) / sum;
    return new Fairness(sum * sum / (n * sumOfSquares), maxDeviation, min, max);
  }
}
