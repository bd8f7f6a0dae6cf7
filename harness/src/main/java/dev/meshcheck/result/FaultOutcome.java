package dev.meshcheck.result;

import java.util.List;

/**
 * A run's fault timeline as it happened ({@code events}) and what each fault cost ({@code
 * recovery}, one per event, in the same order). Both empty for a run without faults.
 */
public record FaultOutcome(List<FaultEvent> events, List<FaultRecovery> recovery) {
  public FaultOutcome {
    events = List.copyOf(events);
    recovery = List.copyOf(recovery);
  }

  public static FaultOutcome none() {
    return new FaultOutcome(List.of(), List.of());
  }
}
