package dev.meshcheck.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The conformance report of one run: per area, how many scenarios passed, failed and were skipped
 * (with reasons), and the server versions, backends and topologies they ran on.
 *
 * @param status {@link #COMPLETE} once the run finished, {@link #PARTIAL} while it runs (the report
 *     is rewritten after every scenario, so an interrupted or killed run leaves what it had) and
 *     when it was stopped before every scenario ran to its end
 * @param interrupted the scenarios the stop cut short or kept from beginning ({@code
 *     security/tls.feature:12 A plaintext client is refused}); they count neither as passed, failed
 *     nor skipped
 */
public record ConformanceReport(
    String status,
    String finishedAt,
    long durationMillis,
    List<String> serverVersions,
    List<String> backends,
    List<String> topologies,
    int passed,
    int failed,
    int skipped,
    List<ConformanceArea> areas,
    List<String> interrupted) {

  public static final String COMPLETE = "complete";
  public static final String PARTIAL = "partial";

  public ConformanceReport {
    if (!COMPLETE.equals(status) && !PARTIAL.equals(status)) {
      throw new IllegalArgumentException(
          "status must be " + COMPLETE + " or " + PARTIAL + ", was '" + status + "'");
    }
    serverVersions = List.copyOf(serverVersions);
    backends = List.copyOf(backends);
    topologies = List.copyOf(topologies);
    areas = List.copyOf(areas);
    // Reports written before the field existed have none.
    interrupted = interrupted == null ? List.of() : List.copyOf(interrupted);
  }

  /** Groups scenario outcomes by area (areas sorted by name, scenarios in run order). */
  public static ConformanceReport of(
      String status, String finishedAt, long durationMillis, List<ConformanceScenario> scenarios) {
    return of(status, finishedAt, durationMillis, scenarios, List.of());
  }

  /** As {@link #of(String, String, long, List)}, with the scenarios a stop cut short. */
  public static ConformanceReport of(
      String status,
      String finishedAt,
      long durationMillis,
      List<ConformanceScenario> scenarios,
      List<String> interrupted) {
    Map<String, List<ConformanceScenario>> byArea = new TreeMap<>();
    for (ConformanceScenario scenario : scenarios) {
      byArea.computeIfAbsent(scenario.area(), a -> new ArrayList<>()).add(scenario);
    }
    List<ConformanceArea> areas =
        byArea.entrySet().stream().map(e -> ConformanceArea.of(e.getKey(), e.getValue())).toList();
    return new ConformanceReport(
        status,
        finishedAt,
        durationMillis,
        distinct(scenarios, ConformanceScenario::serverVersion),
        distinct(scenarios, ConformanceScenario::backend),
        distinct(scenarios, ConformanceScenario::topology),
        areas.stream().mapToInt(ConformanceArea::passed).sum(),
        areas.stream().mapToInt(ConformanceArea::failed).sum(),
        areas.stream().mapToInt(ConformanceArea::skipped).sum(),
        areas,
        interrupted);
  }

  private static List<String> distinct(
      List<ConformanceScenario> scenarios,
      java.util.function.Function<ConformanceScenario, String> field) {
    TreeSet<String> values = new TreeSet<>();
    scenarios.stream().map(field).filter(v -> !v.isEmpty()).forEach(values::add);
    return List.copyOf(values);
  }
}
