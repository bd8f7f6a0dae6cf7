package dev.meshcheck.compare;

import dev.meshcheck.result.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A candidate (one or more runs) against a baseline (one or more runs) on chosen metrics, with a
 * verdict per metric. A candidate regresses on a metric when its median is worse than the
 * baseline's median by more than {@code maxRegression} <em>and</em> lies outside the baseline's
 * spread (min to max over its runs): with several baseline runs, noise the baseline itself shows is
 * never called a regression.
 *
 * <pre>{@code
 * Comparison c = Comparison.of(baselines, candidates, List.of(CompareMetric.P99), 0.10);
 * if (c.regressed()) { ... exit 99 ... }
 * }</pre>
 *
 * @param maxRegression allowed worsening as a fraction (0.10 = 10%)
 * @param warnings differences that do not prevent the comparison (server version)
 */
public record Comparison(
    List<RunResult> baselines,
    List<RunResult> candidates,
    double maxRegression,
    List<Verdict> verdicts,
    List<String> warnings) {

  /**
   * One metric's outcome.
   *
   * @param change candidate median over baseline median minus 1 (+0.25 = 25% higher)
   * @param limit the worst candidate median that is not a regression
   */
  public record Verdict(
      CompareMetric metric,
      Spread baseline,
      Spread candidate,
      double change,
      double limit,
      boolean regressed) {}

  public Comparison {
    baselines = List.copyOf(baselines);
    candidates = List.copyOf(candidates);
    verdicts = List.copyOf(verdicts);
    warnings = List.copyOf(warnings);
  }

  /**
   * @throws NotComparableException naming every field that differs, or a run that is invalid or
   *     partial
   */
  public static Comparison of(
      List<RunResult> baselines,
      List<RunResult> candidates,
      List<CompareMetric> metrics,
      double maxRegression) {
    if (baselines.isEmpty() || candidates.isEmpty()) {
      throw new IllegalArgumentException(
          "a comparison needs at least one baseline and one candidate run");
    }
    RunResult reference = baselines.get(0);
    List<String> problems = new ArrayList<>();
    Set<String> warnings = new LinkedHashSet<>();
    List<RunResult> all = new ArrayList<>(baselines);
    all.addAll(candidates);
    for (RunResult run : all) {
      problems.addAll(Comparability.unusable(run));
    }
    if (problems.isEmpty()) {
      for (RunResult run : all.subList(1, all.size())) {
        problems.addAll(Comparability.differences(reference, run));
        warnings.addAll(Comparability.warnings(reference, run));
      }
    }
    if (!problems.isEmpty()) {
      throw new NotComparableException(problems);
    }
    List<Verdict> verdicts = new ArrayList<>();
    for (CompareMetric metric : metrics) {
      verdicts.add(
          verdict(metric, spread(metric, baselines), spread(metric, candidates), maxRegression));
    }
    return new Comparison(baselines, candidates, maxRegression, verdicts, List.copyOf(warnings));
  }

  static Verdict verdict(
      CompareMetric metric, Spread base, Spread candidate, double maxRegression) {
    double change = base.median() == 0 ? 0 : candidate.median() / base.median() - 1;
    double limit =
        metric.lowerIsBetter()
            ? Math.max(base.median() * (1 + maxRegression), base.max())
            : Math.min(base.median() * (1 - maxRegression), base.min());
    boolean regressed =
        metric.lowerIsBetter() ? candidate.median() > limit : candidate.median() < limit;
    return new Verdict(metric, base, candidate, change, limit, regressed);
  }

  static Spread spread(CompareMetric metric, List<RunResult> runs) {
    return Spread.of(runs.stream().map(metric::of).toList());
  }

  public boolean regressed() {
    return verdicts.stream().anyMatch(Verdict::regressed);
  }
}
